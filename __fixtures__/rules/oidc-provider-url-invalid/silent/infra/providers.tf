# The near misses of fires: the issuer exactly, the module's issuer output, the default port
# (eksctl creates its providers with ":443"), and a trailing "/" on an issuer that has one (Auth0).
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "orders"
  cluster_version = "1.31"
  enable_irsa     = false
}

resource "aws_iam_openid_connect_provider" "orders" {
  url            = module.eks.cluster_oidc_issuer_url
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "billing" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "payments" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com:443/id/D43CF17C27A865933144EA99A26FB128"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "auth0" {
  url            = "https://example-tenant.eu.auth0.com/"
  client_id_list = ["sts.amazonaws.com"]
}
