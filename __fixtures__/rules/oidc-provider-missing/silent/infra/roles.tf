locals {
  account_id     = "406214073512"
  staging_issuer = "oidc.eks.eu-west-1.amazonaws.com/id/0D2F4A6C8E1B3D5F7A9C2E4B6D8F0A1C"
}

resource "aws_iam_role" "ledger_staging" {
  name = "payments-ledger-staging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/${local.staging_issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.staging_issuer}:sub" = "system:serviceaccount:payments:ledger"
          "${local.staging_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

data "aws_iam_policy_document" "reports" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.payments_prod.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.payments_prod.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:payments:reports"]
    }
    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.payments_prod.url, "https://", "")}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "payments-reports"
  assume_role_policy = data.aws_iam_policy_document.reports.json
}

# GitHub Actions' provider is managed in the organisation's bootstrap stack, not here.
resource "aws_iam_role" "deploy" {
  name = "payments-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:example-payments/ledger:ref:refs/heads/main" }
      }
    }]
  })
}
