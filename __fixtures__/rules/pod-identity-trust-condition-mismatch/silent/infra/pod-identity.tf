resource "aws_eks_cluster" "payments" {
  name     = "payments"
  role_arn = "arn:aws:iam::111122223333:role/payments-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

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
          "aws:RequestTag/kubernetes-namespace"       = "payments"
          "aws:RequestTag/kubernetes-service-account" = "ledger"
          "aws:RequestTag/eks-cluster-name"           = "payments"
          "aws:SourceAccount"                         = "111122223333"
        }
        ArnLike = {
          "aws:RequestTag/eks-cluster-arn" = "arn:aws:eks:*:111122223333:cluster/payments"
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

# The namespace is known only at apply time.
resource "aws_iam_role" "reports" {
  name = "payments-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = { "aws:RequestTag/kubernetes-namespace" = "reports" }
      }
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = aws_eks_cluster.payments.name
  namespace       = var.reports_namespace
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}

variable "reports_namespace" {
  type = string
}
