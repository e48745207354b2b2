# The caller gives no role_arn: the module's empty default is what is applied.
module "app" {
  source     = "../../modules/app"
  account_id = "345678901234"
}
