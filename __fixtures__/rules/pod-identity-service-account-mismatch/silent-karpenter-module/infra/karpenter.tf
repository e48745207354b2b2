# Karpenter's controller role from terraform-aws-eks v21, its association moved to the namespace
# the chart is installed in.
module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "21.3.1"

  cluster_name = "prod"
  namespace    = "karpenter"
}
