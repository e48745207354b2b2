# The payments cluster in the Ningxia region, and the deploy pipeline's GitHub Actions provider
# there (GitHub's token asks for the audience sts.amazonaws.com.cn in China, IRSA's does not).

resource "aws_iam_openid_connect_provider" "prod_cn" {
  url            = "https://oidc.eks.cn-northwest-1.amazonaws.com.cn/id/5B7D9F1A3C5E7A9B2D4F6A8C0E1B3D5F"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_openid_connect_provider" "github_cn" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com.cn"]
}
