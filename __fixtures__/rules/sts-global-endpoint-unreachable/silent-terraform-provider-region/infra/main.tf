provider "aws" {
  region = "eu-west-1"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name    = "search"
  cluster_version = "1.30"
}

module "indexer_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name = "indexer"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
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
