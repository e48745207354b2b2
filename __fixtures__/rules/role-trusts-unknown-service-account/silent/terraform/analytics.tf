resource "aws_iam_role" "shuffle" {
  name = "analytics-shuffle"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:sub" = "system:serviceaccount:analytics:shuffle"
        }
      }
    }]
  })
}

# The chart is given the role: it may create analytics/shuffle annotated with it.
resource "helm_release" "shuffle" {
  name      = "shuffle"
  chart     = "shuffle-service"
  namespace = "analytics"
  values = [yamlencode({
    serviceAccount = { annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.shuffle.arn } }
  })]
}
