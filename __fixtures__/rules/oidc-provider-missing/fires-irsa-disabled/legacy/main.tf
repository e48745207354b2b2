module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "17.24.0"

  cluster_name    = "legacy"
  cluster_version = "1.21"
  subnets         = ["subnet-0a1b2c3d4e5f60718"]
  vpc_id          = "vpc-0a1b2c3d4e5f60718"
}

resource "aws_iam_role" "legacy_reports" {
  name = "legacy-reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.oidc_provider_arn }
      Condition = {
        StringEquals = { "${module.eks.oidc_provider}:sub" = "system:serviceaccount:reports:exporter" }
      }
    }]
  })
}
