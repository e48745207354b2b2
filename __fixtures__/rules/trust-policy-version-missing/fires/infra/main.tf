resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B:sub" = "system:serviceaccount:shop:reports"
        }
      }
    }]
  })
}
