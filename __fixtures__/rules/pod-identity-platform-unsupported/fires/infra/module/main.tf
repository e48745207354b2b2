module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name               = "batch"
  kubernetes_version = "1.31"

  fargate_profiles = {
    batch = {
      selectors = [
        {
          namespace = "batch"
          labels = {
            compute = "fargate"
          }
        }
      ]
    }
  }
}

resource "aws_eks_pod_identity_association" "worker" {
  cluster_name    = module.eks.cluster_name
  namespace       = "batch"
  service_account = "worker"
  role_arn        = "arn:aws:iam::406214073512:role/batch-worker"
}
