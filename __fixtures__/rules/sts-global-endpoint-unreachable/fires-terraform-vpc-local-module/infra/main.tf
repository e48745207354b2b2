provider "aws" {
  region = "us-east-2"
}

module "network" {
  source = "./network"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name       = "ledger"
  subnet_ids = module.network.private_subnets
}

resource "kubernetes_deployment" "reconciler" {
  metadata {
    name      = "reconciler"
    namespace = "ledger"
  }
  spec {
    template {
      metadata {}
      spec {
        service_account_name = "reconciler"
        container {
          name  = "app"
          image = "ghcr.io/example/reconciler:1.4.0"
          env {
            name  = "AWS_STS_REGIONAL_ENDPOINTS"
            value = "legacy"
          }
        }
      }
    }
  }
}

resource "kubernetes_service_account" "reconciler" {
  metadata {
    name      = "reconciler"
    namespace = "ledger"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::406214073512:role/reconciler"
    }
  }
}
