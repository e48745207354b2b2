# $${…} is Terraform's escape: IAM gets the policy variable.
resource "aws_iam_role" "exports" {
  name = "exports"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          "oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B:sub" = "system:serviceaccount:exports:exports"
          "sts:RoleSessionName" = "$${aws:username}"
        }
      }
    }]
  })
}
