resource "aws_iam_role" "billing_fargate" {
  name = "billing-fargate"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "eks-fargate-pods.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "billing_execution" {
  role       = aws_iam_role.billing_fargate.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy"
}

resource "aws_iam_role_policy_attachment" "billing_reports" {
  role       = "billing"
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_policy" "billing_queue" {
  name = "billing-queue"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
      Resource = "arn:aws:sqs:eu-west-1:406214073512:billing"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "billing_queue" {
  role       = "billing"
  policy_arn = aws_iam_policy.billing_queue.arn
}

data "aws_iam_policy_document" "billing_secrets" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:aws:secretsmanager:eu-west-1:406214073512:secret:billing-*"]
  }
}

resource "aws_iam_role_policy" "billing_secrets" {
  name   = "audit-secrets"
  role   = "billing"
  policy = data.aws_iam_policy_document.billing_secrets.json
}

resource "aws_iam_policy_attachment" "billing_ledger" {
  name       = "billing-ledger"
  roles      = ["billing"]
  policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"
}

resource "aws_eks_fargate_profile" "billing" {
  cluster_name           = "ledger"
  fargate_profile_name   = "billing"
  pod_execution_role_arn = aws_iam_role.billing_fargate.arn
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "billing"
  }
}

resource "aws_iam_role" "audit_fargate" {
  name = "audit-fargate"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "eks-fargate-pods.amazonaws.com" }
    }]
  })
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy",
    "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    var.audit_policy_arn,
  ]
}

resource "aws_eks_fargate_profile" "audit" {
  cluster_name           = "ledger"
  fargate_profile_name   = "audit"
  pod_execution_role_arn = aws_iam_role.audit_fargate.arn
  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]

  selector {
    namespace = "audit"
  }
}

variable "audit_policy_arn" {
  type = string
}

variable "audit_exports" {
  type = bool
}

# Created only when var.audit_exports is true, which the scan cannot know.
resource "aws_iam_role_policy_attachment" "audit_exports" {
  count      = var.audit_exports ? 1 : 0
  role       = aws_iam_role.audit_fargate.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

resource "aws_iam_role_policy" "audit_unknown" {
  role   = var.audit_role_name
  policy = data.aws_iam_policy_document.billing_secrets.json
}

variable "audit_role_name" {
  type = string
}
