resource "aws_iam_role" "ebs_csi" {
  name = "ebs-csi"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/9A3C5E7F1B2D4F6A8C0E2A4C6E8F0B1D" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/9A3C5E7F1B2D4F6A8C0E2A4C6E8F0B1D:sub" = "system:serviceaccount:kube-system:ebs-csi-driver"
          "oidc.eks.eu-west-1.amazonaws.com/id/9A3C5E7F1B2D4F6A8C0E2A4C6E8F0B1D:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_eks_addon" "ebs_csi" {
  cluster_name             = "platform"
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = aws_iam_role.ebs_csi.arn
}

resource "aws_iam_openid_connect_provider" "platform" {
  url            = "https://oidc.eks.eu-west-1.amazonaws.com/id/9A3C5E7F1B2D4F6A8C0E2A4C6E8F0B1D"
  client_id_list = ["sts.amazonaws.com"]
}
