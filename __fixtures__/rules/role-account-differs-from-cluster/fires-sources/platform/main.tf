provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["604218337925"]
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name               = "platform"
  kubernetes_version = "1.33"
}

resource "kubernetes_service_account" "catalog" {
  metadata {
    name      = "catalog"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::604218337952:role/catalog"
    }
  }
}
