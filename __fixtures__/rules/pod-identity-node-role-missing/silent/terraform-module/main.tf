module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name    = "payments"
  cluster_version = "1.31"
  vpc_id          = "vpc-0a1b2c3d"
  subnet_ids      = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  cluster_addons = {
    eks-pod-identity-agent = {}
  }

  eks_managed_node_groups = {
    general = {
      create_iam_role = false
      iam_role_arn    = aws_iam_role.nodes.arn
      instance_types  = ["m6i.large"]
    }
  }
}

resource "aws_iam_role" "nodes" {
  name = "payments-nodes"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "nodes" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
  ])
  role       = aws_iam_role.nodes.name
  policy_arn = each.value
}

resource "aws_eks_pod_identity_association" "ledger" {
  cluster_name    = module.eks.cluster_name
  namespace       = "payments"
  service_account = "ledger"
  role_arn        = "arn:aws:iam::111122223333:role/payments-ledger"
}
