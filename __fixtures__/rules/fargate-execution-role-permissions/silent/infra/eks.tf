module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name    = "archive"
  cluster_version = "1.31"
  vpc_id          = "vpc-0a1b2c3d4e5f60718"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718"]

  fargate_profiles = {
    archive = {
      selectors = [{ namespace = "archive" }]
      iam_role_additional_policies = {
        logs = "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"
      }
    }
  }
}
