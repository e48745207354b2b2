resource "aws_eks_cluster" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/orders-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

resource "aws_eks_pod_identity_association" "exporter" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "orders"
  service_account = "exporter"
  role_arn        = "arn:aws:iam::444455556666:role/orders-exporter"
}
