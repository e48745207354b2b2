variable "cluster_role_arn" {
  type = string
}

provider "aws" {
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::771290354618:role/terraform"
  }
}

resource "aws_eks_cluster" "edge" {
  name     = "edge"
  role_arn = var.cluster_role_arn
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "kubernetes_service_account" "cache" {
  metadata {
    name      = "cache"
    namespace = "edge"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::771290354681:role/cache"
    }
  }
}
