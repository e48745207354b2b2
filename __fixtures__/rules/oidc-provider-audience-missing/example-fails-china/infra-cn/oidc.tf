resource "aws_iam_openid_connect_provider" "prod_cn" {
  url            = "https://oidc.eks.cn-northwest-1.amazonaws.com.cn/id/5B7D9F1A3C5E7A9B2D4F6A8C0E1B3D5F"
  client_id_list = ["sts.amazonaws.com.cn"]
}
