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

data "aws_iam_policy_document" "vault_agent" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.prod.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.prod_issuer}:sub"
      values   = ["system:serviceaccount:vault:agent"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.prod_issuer}:aud"
      values   = ["vault"]
    }
  }
}

resource "aws_iam_role" "vault_agent" {
  name               = "vault-agent"
  assume_role_policy = data.aws_iam_policy_document.vault_agent.json
}

# The settlement jobs' ServiceAccount comes from their Helm chart, outside this repository.
resource "aws_iam_role" "settlement" {
  name = "payments-settlement"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.batch.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.batch_issuer}:sub" = "system:serviceaccount:settlement:worker"
          "${local.batch_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
