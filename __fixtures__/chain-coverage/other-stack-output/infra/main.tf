data "terraform_remote_state" "iam" {
  backend = "s3"
  config = {
    bucket = "shop-terraform-state"
    key    = "iam/terraform.tfstate"
    region = "eu-central-1"
  }
}

resource "kubernetes_service_account" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = data.terraform_remote_state.iam.outputs.orders_role_arn
    }
  }
}
