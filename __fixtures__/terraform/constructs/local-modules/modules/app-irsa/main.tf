variable "app" {
  type = string
}

variable "namespace" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

module "irsa" {
  source = "git::https://github.com/terraform-aws-modules/terraform-aws-iam.git//modules/iam-role-for-service-accounts-eks?ref=v5.48.0"

  role_name_prefix = "${var.app}-"

  oidc_providers = {
    main = {
      provider_arn               = var.oidc_provider_arn
      namespace_service_accounts = ["${var.namespace}:${var.app == "checkout" ? "checkout-sa" : var.app}"]
    }
  }
}

output "role_arn" {
  value = module.irsa.iam_role_arn
}
