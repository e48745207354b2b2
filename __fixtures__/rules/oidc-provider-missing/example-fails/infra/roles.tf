locals {
  # The disaster-recovery cluster in eu-central-1.
  dr_issuer = "oidc.eks.eu-central-1.amazonaws.com/id/7E1A3C5B9D2F4A6C8E0B1D3F5A7C9E2B"
}

resource "aws_iam_role" "ledger_dr" {
  name = "payments-ledger-dr"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/${local.dr_issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.dr_issuer}:sub" = "system:serviceaccount:payments:ledger"
          "${local.dr_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
