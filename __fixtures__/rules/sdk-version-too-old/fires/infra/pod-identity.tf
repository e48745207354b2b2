resource "aws_eks_pod_identity_association" "catalog" {
  cluster_name    = "shop"
  namespace       = "catalog"
  service_account = "catalog"
  role_arn        = "arn:aws:iam::406214073512:role/catalog"
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = "shop"
  namespace       = "ledger"
  service_account = "ledger"
  role_arn        = "arn:aws:iam::406214073512:role/ledger"
}
