# Cluster trusts that name their ServiceAccounts, and trusts of other identity providers.

provider "aws" {
  region = "ap-southeast-2"
}

variable "oidc_provider_arn" {
  type = string
}

variable "tfc_oidc_provider_arn" {
  type = string
}

variable "create_reports_role" {
  type = bool
}

resource "aws_iam_openid_connect_provider" "cluster" {
  url            = "https://oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0"
  client_id_list = ["sts.amazonaws.com"]
}

# GitHub Actions: its tokens are not a cluster's, whatever the resource is called.
resource "aws_iam_openid_connect_provider" "this" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "ledger" {
  name = "ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.cluster.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "${replace(aws_iam_openid_connect_provider.cluster.url, "https://", "")}:sub" = "system:serviceaccount:payments:ledger" } }
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
      Condition = { StringEquals = { "oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0:sub" = "system:serviceaccount:payments:reports" } }
    }]
  })
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "workspace" {
  name = "workspace"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.tfc_oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}
