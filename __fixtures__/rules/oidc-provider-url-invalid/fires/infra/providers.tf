module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "orders"
  cluster_version = "1.31"
  enable_irsa     = false
}

resource "aws_iam_openid_connect_provider" "orders" {
  url            = module.eks.cluster_dualstack_oidc_issuer_url
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "billing" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6/"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "payments" {
  url            = "http://oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "search" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C2F4A1B3D7E9F8A6B4C2D1E0F9A8B7C?audience=sts"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "reports" {
  url            = "https://oidc-eks.eu-west-1.api.aws/id/A1B2C3D4E5F60718293A4B5C6D7E8F90"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "ledger" {
  url            = "oidc.eks.eu-west-1.amazonaws.com/id/0F1E2D3C4B5A69788796A5B4C3D2E1F0"
  client_id_list = ["sts.amazonaws.com"]
}
