module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 20.24"

  cluster_name           = "irsa"
  namespace              = "karpenter"
  enable_irsa            = true
  irsa_oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF"
}

resource "helm_release" "karpenter" {
  name      = "karpenter"
  namespace = "karpenter"
  chart     = "oci://public.ecr.aws/karpenter/karpenter"

  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = module.karpenter.iam_role_arn
  }
}
