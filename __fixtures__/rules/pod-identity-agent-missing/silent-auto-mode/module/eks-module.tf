module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.3.1"

  name = "orders"
  compute_config = {
    enabled    = true
    node_pools = ["general-purpose"]
  }
  addons = {
    metrics-server = {}
  }
}

resource "aws_eks_pod_identity_association" "orders" {
  cluster_name    = module.eks.cluster_name
  namespace       = "orders"
  service_account = "orders"
  role_arn        = "arn:aws:iam::111122223333:role/orders"
}
