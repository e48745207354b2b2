resource "aws_iam_openid_connect_provider" "kops" {
  url            = "https://kops-oidc-prod.s3.eu-west-1.amazonaws.com"
  client_id_list = ["amazonaws.com"]
}

resource "aws_iam_role" "uploader" {
  name = "uploader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.kops.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "kops-oidc-prod.s3.eu-west-1.amazonaws.com:sub" = "system:serviceaccount:media:uploader"
          "kops-oidc-prod.s3.eu-west-1.amazonaws.com:aud" = "amazonaws.com"
        }
      }
    }]
  })
}
