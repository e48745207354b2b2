# The dev environment: applied on its own (terraform -chdir=envs/dev apply).

module "app_irsa" {
  source          = "../../modules/app-irsa"
  namespace       = "dev"
  service_account = "app"
}

resource "kubernetes_service_account_v1" "app" {
  metadata {
    name      = "app"
    namespace = "dev"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.app_irsa.iam_role_arn
    }
  }
}
