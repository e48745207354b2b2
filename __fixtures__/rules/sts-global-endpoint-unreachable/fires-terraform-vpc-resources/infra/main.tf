provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "payments" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.payments.id
  cidr_block        = cidrsubnet(aws_vpc.payments.cidr_block, 8, count.index)
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.payments.id
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_eks_cluster" "payments" {
  name     = "payments"
  role_arn = "arn:aws:iam::406214073512:role/payments-cluster"
  vpc_config {
    subnet_ids = aws_subnet.private[*].id
  }
}

resource "aws_iam_openid_connect_provider" "payments" {
  url            = aws_eks_cluster.payments.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
}

resource "kubernetes_service_account" "settlement" {
  metadata {
    name      = "settlement"
    namespace = "payments"
    annotations = {
      "eks.amazonaws.com/role-arn"               = "arn:aws:iam::406214073512:role/settlement"
      "eks.amazonaws.com/sts-regional-endpoints" = "false"
    }
  }
}
