resource "aws_iam_role" "ledger" {
  name = "payments-ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = { "aws:RequestTag/kubernetes-service-account" = "ledger" }
      }
    }]
  })
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = "payments"
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger.arn
}
