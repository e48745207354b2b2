resource "aws_iam_openid_connect_provider" "payments_prod" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "payments_dr" {
  url            = "https://oidc.eks.eu-central-1.amazonaws.com/id/7E1A3C5B9D2F4A6C8E0B1D3F5A7C9E2B"
  client_id_list = ["sts.amazonaws.com"]
}
