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

resource "aws_iam_openid_connect_provider" "billing" {
  url            = aws_eks_cluster.billing.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "orders_reader" {
  name = "orders-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${module.eks.oidc_provider_arn}:sub" = "system:serviceaccount:orders:reader"
          "${module.eks.cluster_dualstack_oidc_issuer_url}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

data "aws_iam_policy_document" "billing_exporter_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.billing.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${aws_iam_openid_connect_provider.billing.arn}:sub"
      values   = ["system:serviceaccount:billing:exporter"]
    }
  }
}

resource "aws_iam_role" "billing_exporter" {
  name               = "billing-exporter"
  assume_role_policy = data.aws_iam_policy_document.billing_exporter_trust.json
}
