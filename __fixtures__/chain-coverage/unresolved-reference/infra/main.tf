resource "aws_iam_role" "orders" {
  name               = "orders-reader"
  assume_role_policy = file("${path.module}/orders-trust.json")
}

# The reference lacks the provider prefix: it names no resource.
resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = iam_role.orders.arn
    }
  }
}
