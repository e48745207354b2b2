# terraform-aws-eks 21.0.1 reverted the dual-stack provider URL of 21.0.0.
module "eks_payments" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.0.1"

  name               = "payments"
  kubernetes_version = "1.33"
}
