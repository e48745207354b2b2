resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = "payments"
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = "arn:aws:iam::111122223333:role/payments-ledger"
}

# The ledger's pods chain into the archive role, whose trust allows the session tags.
resource "aws_iam_role" "archive" {
  name = "ledger-archive"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/payments-ledger" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}
