variable "orders_role_arn" {
  description = "Role of the orders service, made by the platform team's stack"
  type        = string
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = var.orders_role_arn
    }
  }
}
