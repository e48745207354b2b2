variable "orders_trust_policy" {
  description = "Trust policy document of the orders role"
  type        = string
}

resource "aws_iam_role" "orders" {
  name               = "orders-reader"
  assume_role_policy = var.orders_trust_policy
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.orders.arn
    }
  }
}
