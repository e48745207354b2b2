resource "aws_iam_role" "ledger_fargate" {
  name = "ledger-fargate"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "eks-fargate-pods.amazonaws.com" }
    }]
  })

  inline_policy {
    name = "ledger-table"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem"]
        Resource = "arn:aws:dynamodb:eu-west-1:406214073512:table/ledger"
      }]
    })
  }
}

resource "aws_eks_fargate_profile" "ledger" {
  cluster_name           = "ledger"
  fargate_profile_name   = "ledger"
  pod_execution_role_arn = aws_iam_role.ledger_fargate.arn
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "ledger"
  }
}
