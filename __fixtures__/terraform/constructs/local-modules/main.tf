module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.31.6"

  cluster_name = "apps"
}

module "roles" {
  source   = "./modules/app-irsa"
  for_each = toset(["search", "checkout"])

  app               = each.key
  namespace         = "apps"
  oidc_provider_arn = module.eks.oidc_provider_arn
}

resource "kubernetes_service_account" "apps" {
  for_each = module.roles

  metadata {
    name      = each.key
    namespace = "apps"
    annotations = {
      "eks.amazonaws.com/role-arn" = each.value.role_arn
    }
  }
}

locals {
  ping = local.pong
  pong = local.ping
}

resource "kubernetes_service_account" "cyclic" {
  metadata {
    name      = local.ping
    namespace = "apps"
  }
}
