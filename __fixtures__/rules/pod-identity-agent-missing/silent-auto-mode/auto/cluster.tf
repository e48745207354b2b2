resource "aws_eks_cluster" "payments" {
  name     = "payments"
  role_arn = "arn:aws:iam::111122223333:role/payments-cluster"
  compute_config {
    enabled       = true
    node_pools    = ["general-purpose"]
    node_role_arn = "arn:aws:iam::111122223333:role/payments-nodes"
  }
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d"]
  }
}

resource "aws_eks_addon" "metrics_server" {
  cluster_name = aws_eks_cluster.payments.name
  addon_name   = "metrics-server"
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = aws_eks_cluster.payments.name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = "arn:aws:iam::111122223333:role/payments-ledger"
}
