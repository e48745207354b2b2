resource "kubernetes_service_account" "exporter" {
  metadata {
    name      = "exporter"
    namespace = "reports"
    annotations = {
      "eks.amazonaws.com/role-arn" = iam_role.exporter.arn
    }
  }
}
