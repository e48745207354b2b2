# Terraform interpolation, not a policy variable.
variable "namespace" {
  default = "exports"
}

resource "aws_iam_role" "exports" {
  name = "exports"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B:sub" = "system:serviceaccount:${var.namespace}:exports"
          "oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
