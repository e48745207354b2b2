# The near misses of fires-china-module: v20 and later list "sts.amazonaws.com"; before v20,
# openid_connect_audiences adds it; a region outside China keeps "sts.amazonaws.com".
provider "aws" {
  region = "cn-north-1"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "orders-cn"
  cluster_version = "1.31"
}

module "eks_legacy" {
  source  = "terraform-aws-modules/eks/aws"
  version = "19.21.0"

  cluster_name             = "legacy-cn"
  cluster_version          = "1.29"
  openid_connect_audiences = ["sts.amazonaws.com"]
}

module "eks_regional" {
  source    = "terraform-aws-modules/eks/aws"
  version   = "19.21.0"
  providers = { aws = aws.global }

  cluster_name    = "regional"
  cluster_version = "1.29"
}

provider "aws" {
  alias  = "global"
  region = "eu-west-1"
}
