resource "kubernetes_service_account_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
}

resource "kubernetes_service_account_v1" "report" {
  metadata {
    name      = "report"
    namespace = "shop"
  }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/web"
    }
  }
  spec {
    template {
      metadata {
        labels = { app = "web" }
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

resource "kubernetes_stateful_set" "cache" {
  metadata {
    name      = "cache"
    namespace = "shop"
  }
  spec {
    service_name = "cache"
    template {
      metadata {
        annotations = {
          "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/cache"
        }
      }
      spec {
        container {
          name  = "cache"
          image = "cache:1"
        }
      }
    }
  }
}

resource "kubernetes_cron_job_v1" "report" {
  metadata {
    name      = "report"
    namespace = "shop"
  }
  spec {
    schedule = "0 * * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {
            labels = {
              "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/report"
            }
          }
          spec {
            service_account_name = "report"
            container {
              name  = "report"
              image = "report:1"
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "debug" {
  metadata {
    name      = "debug"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/debug"
    }
  }
  spec {
    service_account_name = "web"
    container {
      name  = "debug"
      image = "debug:1"
    }
  }
}

resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/shop"
    }
  }
}

resource "kubernetes_manifest" "worker" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "DaemonSet"
    metadata   = { name = "worker", namespace = "shop" }
    spec = {
      template = {
        metadata = {
          annotations = {
            "eks.amazonaws.com/role-arn" = "arn:aws:iam::345678901234:role/worker"
          }
        }
        spec = { serviceAccountName = "worker", containers = [{ name = "worker", image = "worker:1" }] }
      }
    }
  }
}
