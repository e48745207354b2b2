variable "enable_shuffle" {
  default = true
}

resource "aws_iam_role" "shuffle" {
  count = var.enable_shuffle ? 1 : 0
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

# Installs the chart that creates analytics/shuffle, but never hands it the role.
resource "helm_release" "shuffle" {
  name      = "shuffle"
  chart     = "shuffle-service"
  namespace = "analytics"
  values = [yamlencode({
    replicas = 3
  })]
}
