module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"

  name               = "mill"
  kubernetes_version = "1.31"

  outpost_config = {
    control_plane_instance_type = "m5.large"
    outpost_arns                = ["arn:aws:outposts:us-west-2:406214073512:outpost/op-0123456789abcdef0"]
  }
}

resource "aws_iam_role" "historian" {
  name = "mill-historian"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = module.eks.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${module.eks.oidc_provider}:sub" = "system:serviceaccount:mill:historian"
          "${module.eks.oidc_provider}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
