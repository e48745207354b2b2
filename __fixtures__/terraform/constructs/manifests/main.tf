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
          "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" = "system:serviceaccount:web:app"
        }
      }
    }]
  })
}

resource "kubectl_manifest" "app" {
  yaml_body = <<-YAML
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: app
      namespace: web
      annotations:
        eks.amazonaws.com/role-arn: ${aws_iam_role.app.arn}
  YAML
}

resource "kubernetes_manifest" "worker" {
  manifest = yamldecode(templatefile("${path.module}/templates/service-account.yaml.tpl", {
    name     = "worker"
    role_arn = aws_iam_role.app.arn
  }))
}
