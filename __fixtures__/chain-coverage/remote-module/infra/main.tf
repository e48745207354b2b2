module "orders_irsa" {
  source            = "git::https://git.example.com/platform/irsa.git?ref=v2.0.0"
  role_name         = "orders-reader"
  oidc_provider_arn = "arn:aws:iam::349127586034:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9"
  service_account   = "shop:orders"
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.orders_irsa.iam_role_arn
    }
  }
}

# A registry module that makes a role and a ServiceAccount of its own.
module "queue_addon" {
  source  = "example-org/irsa-addon/aws"
  version = "1.1.1"

  chart          = "queue-controller"
  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  oidc_providers = {
    this = {
      provider_arn    = "arn:aws:iam::349127586034:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9"
      service_account = "queue-controller"
    }
  }
}

# Not IRSA: no chain.
module "network" {
  source = "example-org/vpc/aws"
  cidr   = "10.0.0.0/16"
}
