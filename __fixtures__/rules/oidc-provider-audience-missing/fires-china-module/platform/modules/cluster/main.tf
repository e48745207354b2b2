module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "19.21.0"

  cluster_name    = "platform-cn"
  cluster_version = "1.29"
}
