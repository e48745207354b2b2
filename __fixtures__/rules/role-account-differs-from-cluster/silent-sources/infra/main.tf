resource "aws_eks_cluster" "prod" {
  name     = "prod"
  role_arn = "arn:aws:iam::318264095517:role/eks-cluster-prod"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}

resource "kubernetes_service_account" "ledger" {
  metadata {
    name      = "ledger"
    namespace = "billing"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::318264095517:role/ledger"
    }
  }
}
