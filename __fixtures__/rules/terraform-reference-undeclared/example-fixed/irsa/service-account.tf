resource "kubernetes_service_account" "exporter" {
  metadata {
    name      = "exporter"
    namespace = "reports"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.exporter.arn
    }
  }
}
