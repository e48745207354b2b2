resource "aws_eks_cluster" "legacy" {
  name     = "legacy"
  role_arn = "arn:aws:iam::210987654321:role/legacy-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "aws_iam_openid_connect_provider" "legacy" {
  url             = aws_eks_cluster.legacy.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}

data "aws_iam_policy_document" "fluent_bit" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.legacy.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.legacy.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:logging:fluent-bit"]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.legacy.url, "https://", "")}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "fluent_bit" {
  name               = "legacy-fluent-bit"
  assume_role_policy = data.aws_iam_policy_document.fluent_bit.json
}

resource "kubernetes_manifest" "fluent_bit_sa" {
  manifest = {
    apiVersion = "v1"
    kind       = "ServiceAccount"
    metadata = {
      name      = "fluent-bit"
      namespace = "logging"
      annotations = {
        "eks.amazonaws.com/role-arn" = aws_iam_role.fluent_bit.arn
      }
    }
  }
}
