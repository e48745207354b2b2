resource "aws_eks_cluster" "legacy" {
  name     = "legacy"
  role_arn = "arn:aws:iam::406214073512:role/legacy-cluster"
  version  = "1.23"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}

resource "aws_eks_pod_identity_association" "billing" {
  cluster_name    = aws_eks_cluster.legacy.name
  namespace       = "billing"
  service_account = "billing"
  role_arn        = "arn:aws:iam::406214073512:role/billing"
}

resource "aws_eks_pod_identity_association" "edge_sync" {
  cluster_name    = "edge"
  namespace       = "sync"
  service_account = "sync"
  role_arn        = "arn:aws:iam::406214073512:role/edge-sync"
}
