resource "aws_eks_cluster" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::406214073512:role/orders-cluster"
  version  = "1.30"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}

resource "aws_eks_fargate_profile" "orders" {
  cluster_name           = aws_eks_cluster.orders.name
  fargate_profile_name   = "orders"
  pod_execution_role_arn = "arn:aws:iam::406214073512:role/orders-fargate"
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "orders"
    labels = {
      compute = "fargate"
    }
  }
}

# The api pods do not carry compute=fargate: they run on EC2 nodes.
resource "aws_eks_pod_identity_association" "orders_api" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "orders"
  service_account = "api"
  role_arn        = "arn:aws:iam::406214073512:role/orders-api"
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = aws_eks_cluster.orders.name
  namespace       = "reports"
  service_account = "reports"
  role_arn        = "arn:aws:iam::406214073512:role/reports"
}

resource "aws_eks_pod_identity_association" "edge_sync" {
  cluster_name    = "edge"
  namespace       = "sync"
  service_account = "sync"
  role_arn        = "arn:aws:iam::406214073512:role/edge-sync"
}
