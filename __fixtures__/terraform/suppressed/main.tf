locals {
  issuer = "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128"
}

data "aws_iam_policy_document" "orders" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::210987654321:oidc-provider/${local.issuer}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      # irsa-guard:ignore trust-denies-service-account orders moves to the shop namespace in PLAT-1234
      values = ["system:serviceaccount:legacy:orders"]
    }
  }
}

resource "aws_iam_role" "orders" {
  name               = "orders"
  assume_role_policy = data.aws_iam_policy_document.orders.json
}

data "aws_iam_policy_document" "billing" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::210987654321:oidc-provider/${local.issuer}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      values   = ["system:serviceaccount:legacy:billing"] // irsa-guard:ignore trust-denies-service-account
    }
  }
}

resource "aws_iam_role" "billing" {
  name               = "billing"
  assume_role_policy = data.aws_iam_policy_document.billing.json
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.orders.arn
    }
  }
}

resource "kubernetes_service_account" "billing" {
  metadata {
    name      = "billing"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.billing.arn
    }
  }
}
