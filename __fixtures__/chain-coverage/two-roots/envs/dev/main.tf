module "app" {
  source      = "../../modules/app"
  environment = "dev"
}
