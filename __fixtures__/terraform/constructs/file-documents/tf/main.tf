resource "aws_iam_role" "orders" {
  name               = "orders"
  assume_role_policy = file("${path.module}/../iam/orders-trust.json")
}

resource "kubernetes_manifest" "orders" {
  manifest = yamldecode(file("${path.module}/../k8s/orders.yaml"))
}
