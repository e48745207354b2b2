# A root module whose variable file sets its inputs: the role is not created.

# Applied as it is, with terraform.tfvars beside it.
provider "aws" {
  region = "ap-southeast-2"
}

variable "create_role" {
  type    = bool
  default = false
}

variable "service_accounts" {
  type    = map(string)
  default = {}
}

resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0
  name  = "irsa"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0" }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

resource "aws_iam_role" "per_service_account" {
  for_each = var.service_accounts
  name     = each.key
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringLike = { "oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0:sub" = "system:serviceaccount:*:*" } }
    }]
  })
}
