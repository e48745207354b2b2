module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name                     = "platform"
  openid_connect_audiences = ["vault"]

  addons = {
    aws-efs-csi-driver = {
      service_account_role_arn = "arn:aws:iam::210987654321:role/efs-csi"
    }
    coredns = {}
  }
}

module "eks_no_irsa" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.31.6"

  cluster_name = "batch"
  enable_irsa  = false
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name             = module.eks.cluster_name
  addon_name               = "vpc-cni"
  service_account_role_arn = "arn:aws:iam::210987654321:role/vpc-cni"
}

resource "aws_eks_addon" "s3_csi" {
  cluster_name = module.eks.cluster_name
  addon_name   = "aws-mountpoint-s3-csi-driver"

  pod_identity_association {
    role_arn        = "arn:aws:iam::210987654321:role/s3-csi"
    service_account = "s3-csi-driver-sa"
  }
}

resource "aws_eks_pod_identity_association" "orders" {
  cluster_name    = module.eks.cluster_name
  namespace       = "shop"
  service_account = "orders"
  role_arn        = "arn:aws:iam::210987654321:role/orders"
}
