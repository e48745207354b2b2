locals {
  issuer = "oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "orders" {
  name = "orders"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:shop:orders"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_role" "orders_staging" {
  name = "orders-staging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:orders:staging-orders"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

# The chart names its ServiceAccount <release>-orders, in the release's namespace.
resource "helm_release" "orders" {
  name      = "shop"
  chart     = "./charts/orders"
  namespace = "shop"

  values = [yamlencode({
    serviceAccount = {
      annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.orders.arn }
    }
  })]

  set {
    name  = "image.tag"
    value = "1.5.0"
  }
}

# No namespace: the helm provider installs into "default".
resource "helm_release" "orders_staging" {
  name  = "staging"
  chart = "${path.module}/charts/orders"

  values = [templatefile("${path.module}/values/staging.yaml.tftpl", { role_arn = aws_iam_role.orders_staging.arn })]
}
