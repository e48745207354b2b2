# The near misses of fires: a 40-character fingerprint (upper or lower case), none, or one known
# only at apply time (terraform-aws-eks's tls_certificate fetch).
data "tls_certificate" "orders" {
  url = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6"
}

resource "aws_iam_openid_connect_provider" "orders" {
  url             = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.orders.certificates[0].sha1_fingerprint]
}

resource "aws_iam_openid_connect_provider" "billing" {
  url             = "https://oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280", "9E99A48A9960B14926BB7F3B02E22DA2B0AB7280"]
}

resource "aws_iam_openid_connect_provider" "payments" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C2F4A1B3D7E9F8A6B4C2D1E0F9A8B7C"
  client_id_list = ["sts.amazonaws.com"]
}
