data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:sub"
      values   = ["system:serviceaccount:reports:exporter"]
    }
  }
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "exporter" {
  name               = "reports-exporter"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
