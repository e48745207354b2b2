locals {
  greeting = "caf\u00e9 \UFFFFFFFF"
}

resource "kubernetes_service_account" "app" {
  metadata {
    name      = "app"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/rolearn" = "arn:aws:iam::123456789012:role/app"
    }
  }
}
