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
          "aws:RequestTag/eks-cluster-name"           = "payments"
          "aws:RequestTag/kubernetes-namespace"       = "payments"
          "aws:RequestTag/kubernetes-service-account" = "ledger"
        }
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

# The conditions come from a variable: not known to be absent.
resource "aws_iam_role" "reports" {
  name = "payments-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = var.reports_conditions
    }]
  })
}

variable "reports_conditions" {
  type = any
}
