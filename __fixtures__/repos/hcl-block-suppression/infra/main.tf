# irsa-guard:ignore sub-condition-missing the CI runner role is assumed by every runner pod by design
resource "aws_iam_role" "ci_runner" {
  name = "ci-runner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D" }
      Condition = {
        StringEquals = { "oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

resource "aws_iam_role" "backup" {
  name = "backup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D" }
      Condition = {
        StringEquals = { "oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

# irsa-guard:ignore sub-condition-missing reviewed: the reports role is shared on purpose

# (see the platform runbook)
data "aws_iam_policy_document" "reports_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D"]
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = data.aws_iam_policy_document.reports_trust.json
}
