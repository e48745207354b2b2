resource "aws_eks_fargate_profile" "orders" {
  cluster_name           = "orders"
  fargate_profile_name   = "orders"
  pod_execution_role_arn = "arn:aws:iam::406214073512:role/orders-fargate"
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "orders"
  }
}

resource "aws_eks_pod_identity_association" "orders_api" {
  cluster_name    = "orders"
  namespace       = "orders"
  service_account = "api"
  role_arn        = "arn:aws:iam::406214073512:role/orders-api"
}
