module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "shop"
}

module "eks_blueprints_addons" {
  source  = "aws-ia/eks-blueprints-addons/aws"
  version = "~> 1.16"

  cluster_name      = module.eks.cluster_name
  oidc_provider_arn = module.eks.oidc_provider_arn

  enable_aws_load_balancer_controller = true
  aws_load_balancer_controller = {
    set = [{ name = "replicaCount", value = 1 }]
  }

  enable_external_secrets = true
  external_secrets = {
    namespace            = "secrets"
    service_account_name = "eso"
  }

  enable_aws_efs_csi_driver = true

  # No hosted zone: cert-manager is installed without a role.
  enable_cert_manager = true

  enable_velero = false

  eks_addons = {
    vpc-cni = {
      service_account_role_arn = module.vpc_cni_irsa.iam_role_arn
    }
  }
}

module "vpc_cni_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name = "vpc-cni"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-node"]
    }
  }
}

output "alb_role" {
  value = module.eks_blueprints_addons.aws_load_balancer_controller.iam_role_arn
}
