variable "oidc_provider_arn" {
  type = string
}

variable "cert_manager" {
  type    = any
  default = {}
}

locals {
  cert_manager_service_account = try(var.cert_manager.service_account_name, "cert-manager")
}

module "cert_manager" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  name      = try(var.cert_manager.name, "cert-manager")
  namespace = "cert-manager"
  chart     = "cert-manager"

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true

  oidc_providers = {
    this = {
      provider_arn    = var.oidc_provider_arn
      service_account = local.cert_manager_service_account
    }
  }
}
