resource "aws_eks_cluster" "plant" {
  name     = "plant"
  role_arn = "arn:aws:iam::406214073512:role/plant-cluster"

  vpc_config {
    subnet_ids = ["subnet-0f1e2d3c4b5a69788"]
  }

  outpost_config {
    control_plane_instance_type = "m5.large"
    outpost_arns                = ["arn:aws:outposts:us-west-2:406214073512:outpost/op-0123456789abcdef0"]
  }
}

resource "aws_iam_openid_connect_provider" "plant" {
  url            = aws_eks_cluster.plant.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}
