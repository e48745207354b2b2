data "aws_caller_identity" "current" {}

data "aws_eks_cluster" "this" {
  name = var.cluster_name
}

data "aws_iam_openid_connect_provider" "this" {
  url = data.aws_eks_cluster.this.identity[0].oidc[0].issuer
}

locals {
  issuer = trimprefix(data.aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://")
}

# Namespace, name and operator are variables without values: nothing about them is known.
resource "aws_iam_role" "api" {
  name = "api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = data.aws_iam_openid_connect_provider.this.arn }
      Condition = {
        (var.condition_test) = {
          "${local.issuer}:sub" = "system:serviceaccount:${var.namespace}:${var.service_account}"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "kubernetes_service_account" "api" {
  metadata {
    name      = "api"
    namespace = "prod"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.api.arn
    }
  }
}

# The whole trust policy comes from a variable.
resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = var.worker_trust_policy
}

resource "kubernetes_service_account" "worker" {
  metadata {
    name      = "worker"
    namespace = "prod"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.worker.arn
    }
  }
}

# A module from another repository: its outputs exist only at apply time.
module "shared_roles" {
  source = "git::https://github.com/example-org/terraform-modules.git//iam/app-role?ref=v1.4.0"

  name = "shared"
}

resource "kubernetes_service_account" "shared" {
  metadata {
    name      = "shared"
    namespace = "prod"
    annotations = {
      "eks.amazonaws.com/role-arn" = module.shared_roles.role_arn
    }
  }
}

# The account comes from a data source.
resource "kubernetes_service_account" "reports" {
  metadata {
    name      = "reports"
    namespace = "prod"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/reports"
    }
  }
}

# The IRSA module with its providers from a variable.
module "batch_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts"
  version = "~> 6.0"

  name            = "batch"
  use_name_prefix = false
  oidc_providers  = var.oidc_providers
}

resource "kubernetes_service_account" "batch" {
  metadata {
    name      = "batch"
    namespace = var.namespace
    annotations = {
      "eks.amazonaws.com/role-arn" = module.batch_irsa.arn
    }
  }
}
