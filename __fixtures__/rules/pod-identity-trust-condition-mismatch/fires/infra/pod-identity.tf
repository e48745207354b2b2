resource "aws_eks_cluster" "payments" {
  name     = "payments"
  role_arn = "arn:aws:iam::111122223333:role/payments-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

# The namespace in the trust is misspelt.
resource "aws_iam_role" "ledger" {
  name = "payments-ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = {
          "aws:RequestTag/kubernetes-namespace"       = "payment"
          "aws:RequestTag/kubernetes-service-account" = "ledger"
        }
      }
    }]
  })
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = aws_eks_cluster.payments.name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger.arn
}

# Copied from another account's set-up.
resource "aws_iam_role" "reports" {
  name = "payments-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = { "aws:SourceAccount" = "999988887777" }
      }
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = aws_eks_cluster.payments.name
  namespace       = "payments"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}
