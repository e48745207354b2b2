provider "aws" {
  region = "cn-north-1"
}

module "cluster" {
  source = "./modules/cluster"
}
