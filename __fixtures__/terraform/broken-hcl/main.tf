resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" = "system:serviceaccount:shop:app"
          "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_s3_bucket" "logs" {
  bucket = "shop-logs"
  acl    =
}

resource "kubernetes_service_account" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.app.arn
    }
  }
}
