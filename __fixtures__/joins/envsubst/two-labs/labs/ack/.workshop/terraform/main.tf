resource "aws_iam_role" "carts" {
  name_prefix = "carts-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B:sub" = "system:serviceaccount:carts:carts"
          "oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
