resource "aws_eks_cluster" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::111122223333:role/orders-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

# The data team's role is reached through a role of the cluster's account.
resource "aws_eks_pod_identity_association" "exporter" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "orders"
  service_account = "exporter"
  role_arn        = "arn:aws:iam::111122223333:role/orders-exporter"
  target_role_arn = "arn:aws:iam::444455556666:role/orders-exporter"
}

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
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

# Session tags disabled: sts:AssumeRole is enough.
resource "aws_eks_pod_identity_association" "audit" {
  cluster_name         = aws_eks_cluster.orders.name
  namespace            = "orders"
  service_account      = "audit"
  role_arn             = "arn:aws:iam::111122223333:role/orders-audit"
  target_role_arn      = aws_iam_role.audit_target.arn
  disable_session_tags = true
}

resource "aws_iam_role" "audit_target" {
  name = "orders-audit-target"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/orders-audit" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# A cluster whose account the scan does not know: nothing to compare.
resource "aws_eks_pod_identity_association" "elsewhere" {
  cluster_name    = var.other_cluster
  namespace       = "orders"
  service_account = "elsewhere"
  role_arn        = "arn:aws:iam::444455556666:role/orders-elsewhere"
}

variable "other_cluster" {
  type = string
}
