provider "aws" {
  region = "eu-west-1"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name            = "billing"
  cidr            = "10.20.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.20.1.0/24", "10.20.2.0/24"]

  enable_nat_gateway = false
}

module "endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "~> 5.0"

  vpc_id = module.vpc.vpc_id
  endpoints = {
    sts = {
      service             = "sts"
      subnet_ids          = module.vpc.private_subnets
      private_dns_enabled = true
    }
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "billing"
  vpc_id       = module.vpc.vpc_id
  subnet_ids   = module.vpc.private_subnets

  eks_managed_node_groups = {
    default = { instance_types = ["m6i.large"] }
  }
}

module "invoices_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name = "invoices"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["billing:invoices"]
    }
  }
}

resource "kubernetes_service_account" "invoices" {
  metadata {
    name      = "invoices"
    namespace = "billing"
    annotations = {
      "eks.amazonaws.com/role-arn"               = module.invoices_irsa.iam_role_arn
      "eks.amazonaws.com/sts-regional-endpoints" = "false"
    }
  }
}

# The network configuration reads these through remote state and routes them to its transit gateway.
output "private_route_table_ids" {
  value = module.vpc.private_route_table_ids
}
