resource "kubernetes_namespace" "shop" {
  metadata {
    name = var.app_namespace
  }
}

# Orders reads its queue; the trust is written inline with jsonencode.
resource "aws_iam_role" "orders" {
  name = "orders"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${module.eks.oidc_provider}:sub" = "system:serviceaccount:${var.app_namespace}:${var.app_namespace}-irsa"
          "${module.eks.oidc_provider}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "${var.app_namespace}-irsa"
    namespace = kubernetes_namespace.shop.metadata[0].name
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.orders.arn
    }
  }
}

# A role every environment shares: the account and name are literal in the annotation.
resource "aws_iam_role" "reports" {
  name               = "reports"
  path               = "/shop/"
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "Federated": "${module.eks.oidc_provider_arn}" },
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {
              "${module.eks.oidc_provider}:sub": "system:serviceaccount:shop:reports",
              "${module.eks.oidc_provider}:aud": "sts.amazonaws.com"
            }
          }
        }
      ]
    }
  EOF
}

resource "kubernetes_service_account_v1" "reports" {
  metadata {
    name      = "reports"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::${var.account_id}:role/shop/reports"
    }
  }
}

data "aws_iam_policy_document" "iam_test" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [module.eks.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${module.eks.oidc_provider}:sub"
      values   = ["system:serviceaccount:default:iam-test"]
    }

    condition {
      test     = "StringEquals"
      variable = "${module.eks.oidc_provider}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "iam_test" {
  name               = "iam-test"
  assume_role_policy = data.aws_iam_policy_document.iam_test.json
}

resource "kubernetes_service_account" "iam_test" {
  metadata {
    name = "iam-test"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.iam_test.arn
    }
  }
}

module "billing_role" {
  source = "./modules/app-role"

  name              = "billing"
  namespace         = var.app_namespace
  service_account   = "billing"
  oidc_provider_arn = module.eks.oidc_provider_arn
}

resource "kubernetes_service_account" "billing" {
  metadata {
    name      = "billing"
    namespace = var.app_namespace
    annotations = {
      "eks.amazonaws.com/role-arn" = module.billing_role.arn
    }
  }
}

resource "aws_iam_role" "payments" {
  name = "payments"
  assume_role_policy = templatefile("${path.module}/templates/trust.json.tpl", {
    oidc_provider_arn = module.eks.oidc_provider_arn
    oidc_provider     = module.eks.oidc_provider
    namespace         = var.app_namespace
    service_account   = "payments"
  })
}

resource "kubernetes_service_account" "payments" {
  metadata {
    name      = "payments"
    namespace = var.app_namespace
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.payments.arn
    }
  }
}
