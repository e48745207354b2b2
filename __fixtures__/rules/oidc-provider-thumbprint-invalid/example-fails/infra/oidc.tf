resource "aws_iam_openid_connect_provider" "eks" {
  url             = "https://oidc.eks.eu-west-1.amazonaws.com/id/88E5C8D5DAFCCF674D4617208E9234E6"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9E:99:A4:8A:99:60:B1:49:26:BB:7F:3B:02:E2:2D:A2:B0:AB:72:80"]
}
