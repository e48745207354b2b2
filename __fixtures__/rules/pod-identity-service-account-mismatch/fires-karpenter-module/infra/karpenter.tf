# Karpenter's controller role from terraform-aws-eks v21: its Pod Identity association uses the
# module's defaults, namespace kube-system and service account karpenter.
module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "21.3.1"

  cluster_name = "prod"
}
