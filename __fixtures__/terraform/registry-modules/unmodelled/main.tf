module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "shop"
}

# A major version irsa-guard has not read: its outputs stay references, whatever it is given.
module "kms" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "~> 2.0"

  name      = "ack-kms"
  chart     = "kms-chart"
  namespace = "ack-system"

  set_irsa_names = ["serviceAccount.annotations.kms\\.amazonaws\\.com/role-arn"]
  create_role    = true

  oidc_providers = {
    this = {
      provider_arn    = module.eks.oidc_provider_arn
      service_account = "nobody"
    }
  }
}

# An open constraint that may select v21, which trusts Pod Identity only.
module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = ">= 19.0"

  cluster_name                    = "shop"
  enable_irsa                     = true
  irsa_oidc_provider_arn          = module.eks.oidc_provider_arn
  irsa_namespace_service_accounts = ["elsewhere:karpenter"]
}

# v3 named its outputs this_iam_role_*.
module "orders_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role-with-oidc"
  version = "3.16.0"

  create_role                   = true
  role_name                     = "orders"
  provider_url                  = module.eks.cluster_oidc_issuer_url
  oidc_fully_qualified_subjects = ["system:serviceaccount:shop:nobody"]
}

# A module irsa-guard does not know at all.
module "other_role" {
  source = "example-org/irsa/aws"

  subjects = ["system:serviceaccount:shop:nobody"]
}

resource "helm_release" "karpenter" {
  namespace  = "karpenter"
  name       = "karpenter"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"

  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = module.karpenter.iam_role_arn
  }
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.orders_role.this_iam_role_arn
    }
  }
}

resource "kubernetes_service_account" "reports" {
  metadata {
    name      = "reports"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.other_role.arn
    }
  }
}
