resource "aws_iam_openid_connect_provider" "payments_prod" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  client_id_list = ["sts.amazonaws.com"]
}
