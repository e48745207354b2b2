resource "aws_iam_role" "collector" {
  name = "otel-collector"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:sub" = "system:serviceaccount:otel:collector"
        }
      }
    }]
  })
}

# EKS creates the add-on's ServiceAccounts and annotates them with the role.
resource "aws_eks_addon" "adot" {
  cluster_name             = "analytics"
  addon_name               = "adot"
  service_account_role_arn = aws_iam_role.collector.arn
}
