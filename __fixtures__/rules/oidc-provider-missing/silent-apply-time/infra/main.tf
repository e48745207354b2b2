# The provider's URL comes from the cluster, known only when Terraform reads it: the literal
# provider ARN below may well be this provider's, so nothing is reported.

data "aws_eks_cluster" "batch" {
  name = "payments-batch"
}

resource "aws_iam_openid_connect_provider" "batch" {
  url            = data.aws_eks_cluster.batch.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "settlement" {
  name = "payments-settlement"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/2B4D6F8A0C1E3A5C7E9B1D3F5A7C9E0D" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/2B4D6F8A0C1E3A5C7E9B1D3F5A7C9E0D:sub" = "system:serviceaccount:settlement:worker"
          "oidc.eks.eu-west-1.amazonaws.com/id/2B4D6F8A0C1E3A5C7E9B1D3F5A7C9E0D:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
