# Another root module with a module of the same name: a Pod Identity role, no IRSA statement.
module "karpenter" {
  source  = "terraform-aws-modules/eks/aws//modules/karpenter"
  version = "~> 20.24"

  cluster_name = "pod-identity"
}
