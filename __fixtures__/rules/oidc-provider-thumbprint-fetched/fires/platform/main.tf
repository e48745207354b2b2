module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name    = "platform"
  cluster_version = "1.31"

  include_oidc_root_ca_thumbprint = true
}
