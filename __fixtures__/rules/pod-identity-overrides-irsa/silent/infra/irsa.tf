# IRSA roles of the payments services that stay on IRSA.

locals {
  oidc_issuer       = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
  oidc_provider_arn = "arn:aws:iam::406214073512:oidc-provider/${local.oidc_issuer}"
}

data "aws_iam_policy_document" "irsa" {
  for_each = toset(["reports", "settlement"])

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:payments:${each.key}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "irsa" {
  for_each           = toset(["reports", "settlement"])
  name               = "payments-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.irsa[each.key].json
}
