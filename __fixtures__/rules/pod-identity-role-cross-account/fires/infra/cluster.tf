resource "aws_eks_cluster" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/orders-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

# The data team's role, in their account.
resource "aws_eks_pod_identity_association" "exporter" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "orders"
  service_account = "exporter"
  role_arn        = "arn:aws:iam::444455556666:role/orders-exporter"
}

# Chained into the analytics account's role, whose trust forgets sts:TagSession.
resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "orders"
  service_account = "reports"
  role_arn        = "arn:aws:iam::111122223333:role/orders-reports"
  target_role_arn = aws_iam_role.reports_target.arn
}

resource "aws_iam_role" "reports_target" {
  name = "orders-reports-target"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/orders-reports" }
      Action    = "sts:AssumeRole"
    }]
  })
}
