create_role      = false
service_accounts = {}
