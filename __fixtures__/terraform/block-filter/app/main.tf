# Blocks irsa-guard reads, blocks nothing reads (their bodies are cut before parsing), and blocks
# of unread types that something refers to (kept).

provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_role" "web" {
  name = "web"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::210987654321:oidc-provider/${local.issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:shop:web"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

locals {
  issuer = "oidc.eks.eu-west-1.amazonaws.com/id/5E1D4B9C0F2A8E3D7C6B5A4F3E2D1C0B"
}

# Nothing reads these: cut.
resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets-${var.environment}"
  tags = {
    Team = "shop" # a comment
    Cost = upper("web")
  }
  /* a block comment with { and " */
}

resource "aws_security_group" "web" {
  name_prefix = "web-"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "10.1.0.0/16"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.open ? ["0.0.0.0/0"] : []
  }
}

resource "aws_sqs_queue" "orders" {
  name   = "orders"
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Resource": "${var.environment}-orders"}]}
  EOT
}

data "aws_vpc" "main" {
  tags = { Name = "main" }
}

# Unread types that something refers to: kept.
resource "aws_ssm_parameter" "role_name" {
  name  = "/shop/web/role"
  type  = "String"
  value = "wbe"
}

resource "kubernetes_service_account" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    annotations = {
      "eks.amazonaws.com/role-arn" = "arn:aws:iam::210987654321:role/${aws_ssm_parameter.role_name.value}"
    }
  }
  depends_on = [aws_kms_key.logs]
}

resource "aws_kms_key" "logs" {
  description = "logs"
}

resource "aws_dynamodb_table" "carts" {
  for_each = toset(["a", "b"])
  name     = "carts-${each.key}"
}

resource "null_resource" "bootstrap" {
  provisioner "local-exec" {
    command = "kubectl apply -f sa.yaml"
  }
}

moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.renamed
}

resource "aws_s3_bucket" "renamed" {
  bucket = "renamed"
}

variable "environment" {
  default = "prod"
}

variable "open" {
  default = false
}
