data "tls_certificate" "legacy" {
  url = "https://oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B"
}

resource "aws_iam_openid_connect_provider" "legacy" {
  url             = "https://oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.legacy.certificates[0].sha1_fingerprint]
}
