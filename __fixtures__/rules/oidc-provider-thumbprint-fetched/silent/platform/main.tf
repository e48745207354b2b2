# The module's own fetch by default (include_oidc_root_ca_thumbprint defaults to true): not reported.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name               = "platform"
  kubernetes_version = "1.33"
}

module "eks_edge" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name                            = "edge"
  kubernetes_version              = "1.33"
  include_oidc_root_ca_thumbprint = false
}
