resource "aws_eks_cluster" "main" {
  name     = "legacy"
  role_arn = "arn:aws:iam::406214073512:role/legacy-cluster"
  version  = "1.18"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}
