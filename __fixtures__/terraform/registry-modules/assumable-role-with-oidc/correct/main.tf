module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "shop"
}

module "orders_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc"
  version = "~> 4.0"

  create_role                   = true
  role_name                     = "orders"
  provider_url                  = module.eks.cluster_oidc_issuer_url
  oidc_fully_qualified_subjects = ["system:serviceaccount:shop:orders"]
}

module "reports_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc"
  version = "5.60.0"

  create_role                    = true
  role_name_prefix               = "reports-"
  provider_urls                  = [replace(module.eks.cluster_oidc_issuer_url, "https://", "")]
  oidc_subjects_with_wildcards   = ["system:serviceaccount:shop:reports-*"]
  oidc_fully_qualified_audiences = ["sts.amazonaws.com"]
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.orders_role.iam_role_arn
    }
  }
}

resource "kubernetes_service_account" "reports" {
  metadata {
    name      = "reports-api"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.reports_role.iam_role_arn
    }
  }
}
