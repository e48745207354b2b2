# Pod Identity for the payments services that moved off IRSA (their ServiceAccounts have no
# eks.amazonaws.com/role-arn any more), and for ServiceAccounts that never had IRSA.

locals {
  cluster_name = "payments"
  pod_identity_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role" "pods" {
  for_each           = toset(["ledger", "reports-exporter", "settlement"])
  name               = "payments-${each.key}-pods"
  assume_role_policy = local.pod_identity_trust
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = aws_iam_role.pods["ledger"].arn
}

# Another ServiceAccount of the namespace than the annotated "reports".
resource "aws_eks_pod_identity_association" "reports_exporter" {
  cluster_name    = local.cluster_name
  namespace       = "payments"
  service_account = "reports-exporter"
  role_arn        = aws_iam_role.pods["reports-exporter"].arn
}

# The batch jobs run as "settlement" in their own namespace, not as payments/settlement.
resource "aws_eks_pod_identity_association" "settlement_batch" {
  cluster_name    = local.cluster_name
  namespace       = "payments-batch"
  service_account = "settlement"
  role_arn        = aws_iam_role.pods["settlement"].arn
}
