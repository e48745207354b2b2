# The cluster root installs the networking add-ons; the agent comes from the addons root.
resource "aws_eks_cluster" "payments" {
  name     = "payments"
  role_arn = "arn:aws:iam::111122223333:role/payments-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name = aws_eks_cluster.payments.name
  addon_name   = "vpc-cni"
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = aws_eks_cluster.payments.name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = "arn:aws:iam::111122223333:role/payments-ledger"
}
