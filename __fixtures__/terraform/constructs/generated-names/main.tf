module "external_dns_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "6.2.1"

  name = "external-dns"

  oidc_providers = {
    main = {
      provider_arn               = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128"
      namespace_service_accounts = ["external-dns:external-dns"]
    }
  }
}

resource "aws_iam_role" "reports" {
  name_prefix        = "reports-"
  assume_role_policy = file("${path.module}/reports-trust.tpl")
}

resource "kubernetes_service_account" "external_dns" {
  metadata {
    name      = "external-dns"
    namespace = "external-dns"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::210987654321:role/external-dns"
    }
  }
}
