variable "oidc_provider_arn" {
  type = string
}

variable "cert_manager" {
  type    = any
  default = {}
}

locals {
  cert_manager_service_account = try(var.cert_manager.service_account_name, "cert-manager")
  external_dns_name            = try(var.external_dns.name, "external-dns")
}

variable "external_dns" {
  type    = any
  default = {}
}

# The chart's ServiceAccount name is pinned to the trusted name.
module "cert_manager" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  name      = try(var.cert_manager.name, "cert-manager")
  namespace = "cert-manager"
  chart     = "cert-manager"
  set = [
    {
      name  = "serviceAccount.name"
      value = local.cert_manager_service_account
    }
  ]

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true
  role_name      = "cert-manager"

  oidc_providers = {
    this = {
      provider_arn    = var.oidc_provider_arn
      service_account = local.cert_manager_service_account
    }
  }
}

# The trusted name follows the release name.
module "external_dns" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  name      = local.external_dns_name
  namespace = "external-dns"
  chart     = "external-dns"

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true

  oidc_providers = {
    this = {
      provider_arn    = var.oidc_provider_arn
      service_account = local.external_dns_name
    }
  }
}

# A literal release name: renaming it is an edit that the chain check sees.
module "aws_load_balancer_controller" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  name      = "aws-load-balancer-controller"
  namespace = "kube-system"
  chart     = "aws-load-balancer-controller"

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true

  oidc_providers = {
    this = {
      provider_arn    = var.oidc_provider_arn
      service_account = "aws-load-balancer-controller"
    }
  }
}
