# IRSA roles of the payments services (before the move to EKS Pod Identity).

locals {
  oidc_issuer       = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  oidc_provider_arn = "arn:aws:iam::406214073512:oidc-provider/${local.oidc_issuer}"
}

data "aws_iam_policy_document" "ledger_irsa" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:payments:ledger"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ledger" {
  name               = "payments-ledger"
  assume_role_policy = data.aws_iam_policy_document.ledger_irsa.json
}

# Being migrated: trusts both the OIDC provider and Pod Identity.
data "aws_iam_policy_document" "reports" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:payments:reports"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "payments-reports"
  assume_role_policy = data.aws_iam_policy_document.reports.json
}
