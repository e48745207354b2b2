resource "aws_iam_role" "indexer" {
  name = "indexer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws-cn:iam::406214073512:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/7D2E4F6A8B0C1D3E5F7A9B1C3D5E7F90" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.cn-north-1.amazonaws.com.cn/id/7D2E4F6A8B0C1D3E5F7A9B1C3D5E7F90:sub" = "system:serviceaccount:search:indexer"
          "oidc.eks.cn-north-1.amazonaws.com.cn/id/7D2E4F6A8B0C1D3E5F7A9B1C3D5E7F90:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_openid_connect_provider" "beijing" {
  url            = "https://oidc.eks.cn-north-1.amazonaws.com.cn/id/7D2E4F6A8B0C1D3E5F7A9B1C3D5E7F90"
  client_id_list = ["sts.amazonaws.com"]
}

resource "kubernetes_service_account" "indexer" {
  metadata {
    name      = "indexer"
    namespace = "search"
    annotations = {
      "eks.amazonaws.com/role-arn"               = aws_iam_role.indexer.arn
      "eks.amazonaws.com/sts-regional-endpoints" = "false"
    }
  }
}
