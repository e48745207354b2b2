resource "aws_eks_pod_identity_association" "cert_manager" {
  cluster_name    = "payments"
  namespace       = "cert-manager"
  service_account = "cert-manager"
  role_arn        = "arn:aws:iam::406214073512:role/cert-manager"
}

# The DNS account's role, assumed by cert-manager for Route53 challenges.
resource "aws_iam_role" "dns" {
  name = "route53-challenges"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::406214073512:role/cert-manager" }
      Action    = "sts:AssumeRole"
    }]
  })
}
