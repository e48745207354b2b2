# Another Terraform root (another lab, another cluster): not the unit of k8s/stores.yaml.
resource "kubernetes_service_account" "eso" {
  metadata {
    name      = "external-secrets-sa"
    namespace = "external-secrets"
  }
}
