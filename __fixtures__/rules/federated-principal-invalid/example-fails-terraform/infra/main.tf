data "aws_iam_policy_document" "cert_manager_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::210987654321:oidc-provider/oidc.eu-west-1.eks.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D"]
    }

    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D:sub"
      values   = ["system:serviceaccount:cert-manager:cert-manager"]
    }

    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cert_manager" {
  name               = "cert-manager"
  assume_role_policy = data.aws_iam_policy_document.cert_manager_trust.json
}
