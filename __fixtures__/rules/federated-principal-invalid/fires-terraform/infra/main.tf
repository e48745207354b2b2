module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.31"

  cluster_name    = "orders"
  cluster_version = "1.31"
}

resource "aws_eks_cluster" "billing" {
  name     = "billing"
  role_arn = "arn:aws:iam::210987654321:role/billing-cluster"

  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d4e5f60718"]
  }
}

resource "aws_iam_role" "orders_reader" {
  name = "orders-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.cluster_oidc_issuer_url }
      Condition = {
        StringEquals = { "${module.eks.oidc_provider}:sub" = "system:serviceaccount:orders:reader" }
      }
    }]
  })
}

resource "aws_iam_role" "orders_writer" {
  name = "orders-writer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.cluster_dualstack_oidc_issuer_url }
      Condition = {
        StringEquals = { "${module.eks.oidc_provider}:sub" = "system:serviceaccount:orders:writer" }
      }
    }]
  })
}

resource "aws_iam_role" "billing_exporter" {
  name = "billing-exporter"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_eks_cluster.billing.identity[0].oidc[0].issuer }
      Condition = {
        StringEquals = {
          "${replace(aws_eks_cluster.billing.identity[0].oidc[0].issuer, "https://", "")}:sub" = "system:serviceaccount:billing:exporter"
        }
      }
    }]
  })
}

resource "aws_iam_role" "orders_auditor" {
  name = "orders-auditor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.oidc_provider }
      Condition = {
        StringEquals = { "${module.eks.oidc_provider}:sub" = "system:serviceaccount:orders:auditor" }
      }
    }]
  })
}
