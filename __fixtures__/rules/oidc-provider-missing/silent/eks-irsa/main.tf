# The near misses of fires-irsa-disabled: IRSA on (explicitly, or by the v18.4+ default), or a
# setting known only at apply time.
variable "enable_irsa" {
  type = bool
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "orders"
  cluster_version = "1.31"
  enable_irsa     = true
}

module "eks_sandbox" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "sandbox"
  cluster_version = "1.31"
  enable_irsa     = var.enable_irsa
}

module "ebs_csi_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "~> 6.0"

  name = "orders-ebs-csi"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:ebs-csi-controller-sa"]
    }
    sandbox = {
      provider_arn               = module.eks_sandbox.oidc_provider_arn
      namespace_service_accounts = ["kube-system:ebs-csi-controller-sa"]
    }
  }
}
