# EKS Pod Identity for the payments cluster.

locals {
  cluster_name      = "payments"
  oidc_issuer       = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  oidc_provider_arn = "arn:aws:iam::406214073512:oidc-provider/${local.oidc_issuer}"
}

# The ledger's IRSA role, reused as it is for Pod Identity.
resource "aws_iam_role" "ledger" {
  name = "payments-ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.oidc_issuer}:sub" = "system:serviceaccount:payments:ledger"
          "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger.arn
}

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
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}

data "aws_iam_policy_document" "exporter" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "exporter" {
  name               = "payments-exporter"
  assume_role_policy = data.aws_iam_policy_document.exporter.json
}

resource "aws_eks_pod_identity_association" "exporter" {
  cluster_name    = local.cluster_name
  namespace       = "monitoring"
  service_account = "payments-exporter"
  role_arn        = aws_iam_role.exporter.arn
}
