locals {
  prod_issuer = "oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F"
}

resource "aws_iam_openid_connect_provider" "prod" {
  url            = "https://${local.prod_issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "ledger" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.prod.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.prod_issuer}:sub"
      values   = ["system:serviceaccount:payments:ledger"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.prod_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ledger" {
  name               = "payments-ledger"
  assume_role_policy = data.aws_iam_policy_document.ledger.json
}
