module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.0.1"

  name            = "ledger"
  cidr            = "10.40.0.0/16"
  azs             = ["us-east-2a", "us-east-2b"]
  private_subnets = ["10.40.1.0/24", "10.40.2.0/24"]
}

output "private_subnets" {
  value = module.vpc.private_subnets
}
