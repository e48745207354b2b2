# The Pod Identity lab's own set-up, on the lab's cluster.

variable "cluster_name" {
  type    = string
  default = "workshop-auto"
}

resource "aws_iam_role" "carts" {
  name = "workshop-carts-pods"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_eks_pod_identity_association" "carts" {
  cluster_name    = var.cluster_name
  namespace       = "carts"
  service_account = "carts"
  role_arn        = aws_iam_role.carts.arn
}
