resource "helm_release" "orders_staging" {
  name      = "staging"
  chart     = "./charts/orders"
  namespace = "shop-staging"

  set {
    name  = "serviceAccount.create"
    value = "false"
  }
}
