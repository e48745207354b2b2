resource "aws_eks_cluster" "platform" {
  name     = "platform"
  role_arn = "arn:aws:iam::210987654321:role/platform-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  }
}

data "aws_iam_policy_document" "external_secrets_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D"]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(aws_eks_cluster.platform.identity[0].oidc[0].issuer, "https://", "")}:sub"
      values   = ["system:serviceaccount:external-secrets:external-secrets"]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(aws_eks_cluster.platform.identity[0].oidc[0].issuer, "https://", "")}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "external_secrets" {
  name               = "external-secrets"
  assume_role_policy = data.aws_iam_policy_document.external_secrets_trust.json
}
