resource "aws_eks_addon" "pod_identity_agent" {
  cluster_name = "payments"
  addon_name   = "eks-pod-identity-agent"
}
