provider "aws" {
  region = "cn-north-1"
}

resource "aws_eks_cluster" "search" {
  name     = "search"
  role_arn = "arn:aws-cn:iam::406214073512:role/search-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}

resource "aws_iam_openid_connect_provider" "search" {
  url            = aws_eks_cluster.search.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

module "indexer_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name = "indexer"
  oidc_providers = {
    main = {
      provider_arn               = aws_iam_openid_connect_provider.search.arn
      namespace_service_accounts = ["search:indexer"]
    }
  }
}

resource "kubernetes_service_account" "indexer" {
  metadata {
    name      = "indexer"
    namespace = "search"
    annotations = {
      "eks.amazonaws.com/role-arn"               = module.indexer_irsa.iam_role_arn
      "eks.amazonaws.com/sts-regional-endpoints" = "false"
    }
  }
}
