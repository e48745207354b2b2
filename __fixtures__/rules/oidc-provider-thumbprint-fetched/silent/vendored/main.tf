module "eks" {
  source = "./modules/eks"
  name   = "vendored"
}
