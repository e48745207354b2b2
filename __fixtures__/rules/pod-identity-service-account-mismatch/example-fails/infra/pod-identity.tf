data "aws_iam_policy_document" "pod_identity" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "karpenter" {
  name               = "karpenter-controller"
  assume_role_policy = data.aws_iam_policy_document.pod_identity.json
}

resource "aws_eks_pod_identity_association" "karpenter" {
  cluster_name    = "prod"
  namespace       = "kube-system"
  service_account = "karpenter"
  role_arn        = aws_iam_role.karpenter.arn
}
