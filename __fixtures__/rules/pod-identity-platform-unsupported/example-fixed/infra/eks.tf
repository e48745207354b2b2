resource "aws_eks_fargate_profile" "orders" {
  cluster_name           = "orders"
  fargate_profile_name   = "orders"
  pod_execution_role_arn = "arn:aws:iam::406214073512:role/orders-fargate"
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "orders"
  }
}

# Fargate pods get their role through IRSA: the ServiceAccount orders/api is annotated with it.
resource "kubernetes_service_account_v1" "orders_api" {
  metadata {
    name      = "api"
    namespace = "orders"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::406214073512:role/orders-api"
    }
  }
}
