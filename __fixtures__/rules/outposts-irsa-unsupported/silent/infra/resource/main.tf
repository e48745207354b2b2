resource "aws_eks_cluster" "plant" {
  name     = "plant"
  role_arn = "arn:aws:iam::406214073512:role/plant-cluster"

  vpc_config {
    subnet_ids = ["subnet-0f1e2d3c4b5a69788"]
  }
}

resource "aws_iam_openid_connect_provider" "plant" {
  url            = aws_eks_cluster.plant.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}
