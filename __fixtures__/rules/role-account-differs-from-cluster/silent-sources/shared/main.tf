# Either of two accounts: the cluster's is not known.
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["604218337925", "318264095517"]
}

resource "aws_eks_cluster" "shared" {
  name     = "shared"
  role_arn = var.cluster_role_arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

variable "cluster_role_arn" {
  type = string
}

resource "kubernetes_service_account" "search" {
  metadata {
    name      = "search"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::452903318876:role/search"
    }
  }
}
