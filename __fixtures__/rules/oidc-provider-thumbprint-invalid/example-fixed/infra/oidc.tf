resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6"
  client_id_list = ["sts.amazonaws.com"]
}
