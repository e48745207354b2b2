resource "aws_eks_cluster" "prod" {
  name     = "prod"
  role_arn = aws_iam_role.cluster.arn
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.us-east-1.amazonaws.com/id/0D3C6B9A8F7E6D5C4B3A29180716F5E4"
  client_id_list = ["sts.amazonaws.com"]
}
