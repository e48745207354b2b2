locals {
  oidc_issuer       = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  oidc_provider_arn = "arn:aws:iam::406214073512:oidc-provider/${local.oidc_issuer}"
}

# Migrated to Pod Identity; the IRSA statement stayed.
resource "aws_iam_role" "ledger" {
  name = "payments-ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = local.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.oidc_issuer}:sub" = "system:serviceaccount:payments:ledger"
            "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
          }
        }
      },
      {
        Effect    = "Allow"
        Principal = { Service = "pods.eks.amazonaws.com" }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Condition = {
          StringEquals = { "aws:RequestTag/kubernetes-service-account" = "ledger" }
        }
      },
    ]
  })
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = "payments"
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger.arn
}

# Mid-migration: the reports ServiceAccount still uses IRSA.
resource "aws_iam_role" "reports" {
  name = "payments-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = local.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.oidc_issuer}:sub" = "system:serviceaccount:payments:reports"
            "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
          }
        }
      },
      {
        Effect    = "Allow"
        Principal = { Service = "pods.eks.amazonaws.com" }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Condition = {
          StringEquals = { "aws:RequestTag/kubernetes-service-account" = "reports" }
        }
      },
    ]
  })
}

resource "aws_iam_openid_connect_provider" "payments" {
  url            = "https://${local.oidc_issuer}"
  client_id_list = ["sts.amazonaws.com"]
}
