resource "aws_iam_role" "ledger" {
  name = "shop-ledger"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = "shop"
  namespace       = "shop"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger.arn
}

resource "aws_eks_pod_identity_association" "exporter" {
  cluster_name    = "shop"
  namespace       = "monitoring"
  service_account = "exporter"
  role_arn        = "arn:aws:iam::349127586034:role/shop-exporter"
}
