locals {
  issuer       = "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128"
  provider_arn = "arn:aws:iam::210987654321:oidc-provider/${local.issuer}"
}

variable "apps" {
  type = map(string)
  default = {
    orders  = "shop"
    billing = "finance"
  }
}

resource "aws_iam_role" "app" {
  for_each = var.apps

  name = "app-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.provider_arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:${each.value}:${each.key}"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "kubernetes_service_account" "app" {
  for_each = var.apps

  metadata {
    name      = each.key
    namespace = each.value
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.app[each.key].arn
    }
  }
}

resource "aws_iam_role" "worker" {
  count = 2

  name = "worker-${count.index}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.provider_arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:jobs:worker-${count.index}"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

# Off by one: worker-1 and worker-2 run with the roles of worker-0 and worker-1.
resource "kubernetes_service_account" "worker" {
  count = 2

  metadata {
    name      = "worker-${count.index + 1}"
    namespace = "jobs"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.worker[count.index].arn
    }
  }
}
