module "payments_api_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.60"

  role_name = "payments-api"

  oidc_providers = {
    platform = {
      provider_arn               = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D"
      namespace_service_accounts = ["payments:api"]
    }
  }
}
