# aws_iam_policy_document writes "Version": "2012-10-17" unless told otherwise.
data "aws_iam_policy_document" "reports" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B"]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B:sub"
      values   = ["system:serviceaccount:shop:reports"]
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = data.aws_iam_policy_document.reports.json
}
