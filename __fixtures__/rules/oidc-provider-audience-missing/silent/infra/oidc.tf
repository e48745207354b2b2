# IAM OIDC providers of the payments clusters (the clusters are created by eksctl).

locals {
  prod_issuer  = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  batch_issuer = "oidc.eks.eu-west-1.amazonaws.com/id/0D2F4A6C8E1B3D5F7A9C2E4B6D8F0A1C"
}

# Set per environment in the pipeline.
variable "batch_audiences" {
  type = list(string)
}

resource "aws_iam_openid_connect_provider" "prod" {
  url            = "https://${local.prod_issuer}"
  client_id_list = ["sts.amazonaws.com", "vault"]
}

resource "aws_iam_openid_connect_provider" "batch" {
  url            = "https://${local.batch_issuer}"
  client_id_list = var.batch_audiences
}
