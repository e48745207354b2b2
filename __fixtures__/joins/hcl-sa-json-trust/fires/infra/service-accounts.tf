locals {
  account_id = "406214073512"
}

resource "kubernetes_service_account_v1" "ledger" {
  metadata {
    name      = "ledger"
    namespace = "billing"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::${local.account_id}:role/ledger"
    }
  }
}
