resource "kubernetes_service_account" "importer" {
  metadata {
    name      = "importer"
    namespace = "reports"
    annotations = {
      "eks.amazonaws.com/role-arn" = imported_role.importer.arn
    }
  }
}
