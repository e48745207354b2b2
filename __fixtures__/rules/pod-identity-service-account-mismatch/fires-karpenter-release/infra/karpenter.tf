# terraform-aws-eks v21's Karpenter module keeps its association's default namespace, kube-system,
# while the chart is installed in namespace karpenter.
module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 21.0"

  cluster_name = "prod"
}

resource "helm_release" "karpenter" {
  name             = "karpenter"
  namespace        = "karpenter"
  create_namespace = true
  repository       = "oci://public.ecr.aws/karpenter"
  chart            = "karpenter"
  version          = "1.6.0"

  values = [yamlencode({
    settings = { clusterName = "prod" }
  })]
}
