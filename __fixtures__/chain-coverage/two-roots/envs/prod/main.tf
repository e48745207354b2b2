module "app" {
  source      = "../../modules/app"
  environment = "prod"
}
