# The add-on map comes from a variable: its names are not known.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.3.1"

  name   = "orders"
  addons = var.addons
}

variable "addons" {
  type = any
}

resource "aws_eks_pod_identity_association" "orders" {
  cluster_name    = module.eks.cluster_name
  namespace       = "orders"
  service_account = "orders"
  role_arn        = "arn:aws:iam::111122223333:role/orders"
}
