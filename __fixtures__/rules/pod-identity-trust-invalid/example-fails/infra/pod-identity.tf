resource "aws_iam_role" "reports" {
  name = "payments-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "payments"
  namespace       = "payments"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}
