# A module that makes the fetch optional: its callers' setting decides (here the default).
variable "name" {
  type = string
}

variable "include_oidc_root_ca_thumbprint" {
  type    = bool
  default = true
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  role_arn = "arn:aws:iam::318264095517:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

data "tls_certificate" "this" {
  count = var.include_oidc_root_ca_thumbprint ? 1 : 0
  url   = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

resource "aws_iam_openid_connect_provider" "this" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = var.include_oidc_root_ca_thumbprint ? [data.tls_certificate.this[0].certificates[0].sha1_fingerprint] : []
}
