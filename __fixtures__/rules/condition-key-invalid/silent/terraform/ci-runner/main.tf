# A library module's trust for CircleCI's OIDC issuer, with the organisation left for the caller: not an EKS trust.
variable "provider_arn" {
  type = string
}

data "aws_iam_policy_document" "ci_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.circleci.com/org/<CIRCLECI_ORG_UUID>:aud"
      values   = ["<CIRCLECI_ORG_UUID>"]
    }
  }
}

resource "aws_iam_role" "ci_runner" {
  name               = "ci-runner"
  assume_role_policy = data.aws_iam_policy_document.ci_trust.json
}
