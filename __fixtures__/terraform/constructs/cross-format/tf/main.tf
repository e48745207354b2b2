resource "aws_iam_role" "app" {
  name = "app"
  path = "/web/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" = "system:serviceaccount:web:app"
          "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "kubernetes_service_account" "payments" {
  metadata {
    name      = "payments"
    namespace = "pay"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::210987654321:role/payments"
    }
  }
}
