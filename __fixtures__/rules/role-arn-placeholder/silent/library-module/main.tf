variable "role_arn" {
  type    = string
  default = ""
}
variable "account_id" {
  default = ""
}
resource "kubernetes_service_account" "app" {
  metadata {
    name      = "app"
    namespace = "apps"
    annotations = {
      "eks.amazonaws.com/role-arn" = var.role_arn
    }
  }
}
resource "kubernetes_service_account" "other" {
  metadata {
    name      = "other"
    namespace = "apps"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::${var.account_id}:role/other"
    }
  }
}
