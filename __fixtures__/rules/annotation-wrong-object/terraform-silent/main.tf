resource "kubernetes_service_account_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/web"
    }
  }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    annotations = {
      "deployment.kubernetes.io/revision" = "1"
    }
  }
  spec {
    template {
      metadata {
        labels = { app = "web" }
        annotations = {
          "eks.amazonaws.com/sts-regional-endpoints" = "true"
        }
      }
      spec {
        service_account_name = kubernetes_service_account_v1.web.metadata[0].name
        container {
          name  = "web"
          image = "web:1"
        }
      }
    }
  }
}
