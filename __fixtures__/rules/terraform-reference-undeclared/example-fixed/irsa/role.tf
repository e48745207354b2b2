data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F"]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:sub"
      values   = ["system:serviceaccount:reports:exporter"]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "exporter" {
  name               = "reports-exporter"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
