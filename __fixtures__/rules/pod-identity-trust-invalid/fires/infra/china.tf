# The same service in the Beijing region.

resource "aws_iam_role" "ledger_cn" {
  name = "payments-ledger-cn"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com.cn" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_eks_pod_identity_association" "ledger_cn" {
  cluster_name    = "payments-cn"
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.ledger_cn.arn
}
