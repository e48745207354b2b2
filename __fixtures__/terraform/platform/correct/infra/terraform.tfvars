cluster_name  = "shop-prod"
app_namespace = "shop"
account_id    = "210987654321"
