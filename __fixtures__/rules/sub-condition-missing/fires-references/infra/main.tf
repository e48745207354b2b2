# Trusts that name the cluster's OIDC provider by reference, none restricting the ServiceAccount.

provider "aws" {
  region = "ap-southeast-2"
}

variable "oidc_provider_arn" {
  type = string
}

variable "create_reports_role" {
  type = bool
}

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_eks_cluster" "main" {
  name     = "payments"
  role_arn = "arn:aws:iam::406214073512:role/payments-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

resource "aws_iam_openid_connect_provider" "main" {
  url            = aws_eks_cluster.main.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_openid_connect_provider" "this" {
  url = "https://oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0"
}

locals {
  provider_arn = aws_iam_openid_connect_provider.main.arn
  issuer       = replace(aws_eks_cluster.main.identity[0].oidc[0].issuer, "https://", "")
}

resource "aws_iam_role" "ledger" {
  name = "ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.main.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "settlement" {
  name = "settlement"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = data.aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "billing" {
  name = "billing"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "refunds" {
  name = "refunds"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "${local.provider_arn}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "payouts" {
  name = "payouts"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "${local.issuer}:aud" = "sts.amazonaws.com" } }
    }]
  })
}

resource "aws_iam_role" "reports" {
  count = var.create_reports_role ? 1 : 0
  name  = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}
