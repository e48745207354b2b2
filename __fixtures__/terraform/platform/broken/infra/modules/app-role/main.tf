locals {
  issuer = replace(var.oidc_provider_arn, "/^(.*provider/)/", "")
}

data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = toset([var.service_account])

    content {
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = [var.oidc_provider_arn]
      }

      condition {
        test     = var.condition_test
        variable = "${local.issuer}:sub"
        values   = ["system:serviceaccount:${var.namespace}:${statement.value}"]
      }

      condition {
        test     = var.condition_test
        variable = "${local.issuer}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
