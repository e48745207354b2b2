data "aws_eks_cluster" "shared" {
  name = "shared"
}

data "tls_certificate" "shared" {
  url = data.aws_eks_cluster.shared.identity.0.oidc.0.issuer
}

resource "aws_iam_openid_connect_provider" "shared" {
  url             = data.aws_eks_cluster.shared.identity.0.oidc.0.issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.shared.certificates.0.sha1_fingerprint]
}
