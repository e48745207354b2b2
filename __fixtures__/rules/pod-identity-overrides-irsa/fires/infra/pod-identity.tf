# Pod Identity for the payments services: the roles trust the EKS Pod Identity service.

locals {
  cluster_name = "payments"
  pod_identity_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role" "ledger_pods" {
  name               = "payments-ledger-pods"
  assume_role_policy = local.pod_identity_trust
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger_pods.arn
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "reports"
  role_arn        = "arn:aws:iam::406214073512:role/payments-reports"
}

# The settlement role is created by the platform team's stack.
variable "settlement_role_arn" {
  type = string
}

resource "aws_eks_pod_identity_association" "settlement" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "settlement"
  role_arn        = var.settlement_role_arn
}
