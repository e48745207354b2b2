resource "helm_release" "orders_staging" {
  name      = "staging"
  chart     = "./charts/orders"
  namespace = "shop-staging"

  set {
    name  = "serviceAccount.create"
    value = "false"
  }
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::406214073512:role/orders-staging"
  }
}
