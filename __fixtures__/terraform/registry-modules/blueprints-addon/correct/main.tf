module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "shop"
}

variable "enable_kms" {
  type    = bool
  default = false
}

# A chart irsa-guard does not know: the ServiceAccount is named by `serviceAccount.name`, and the
# role's trust takes its namespace from the release.
module "kms" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  create = var.enable_kms

  name      = "ack-kms"
  chart     = "kms-chart"
  namespace = "ack-system"
  set = [
    {
      name  = "serviceAccount.name"
      value = "ack-kms-controller"
    }
  ]

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true
  role_name      = "ack-kms"

  oidc_providers = {
    this = {
      provider_arn    = module.eks.oidc_provider_arn
      service_account = "ack-kms-controller"
    }
  }
}

# A chart in the table: its ServiceAccount is named after the release, and the release name is written here.
module "external_dns" {
  source = "github.com/aws-ia/terraform-aws-eks-blueprints-addon?ref=v1.1.1"

  name      = "external-dns"
  chart     = "external-dns"
  namespace = "external-dns"

  set_irsa_names       = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role          = true
  role_name_use_prefix = false

  oidc_providers = {
    main = {
      provider_arn    = module.eks.oidc_provider_arn
      namespace       = "external-dns"
      service_account = "external-dns"
    }
  }
}

# A controller and a node ServiceAccount under paths only `set_irsa_names` tells.
module "fsx_csi" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "~> 1.0"

  chart     = "aws-fsx-csi-driver"
  namespace = "kube-system"
  values = [yamlencode({
    controller = { serviceAccount = { name = "fsx-csi-controller-sa" } }
  })]

  set_irsa_names = ["controller.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = true

  oidc_providers = {
    this = {
      provider_arn    = module.eks.oidc_provider_arn
      service_account = "fsx-csi-controller-sa"
    }
  }
}

output "kms_role" {
  value = module.kms.iam_role_arn
}

# A literal create_role = false: no role, and set_irsa_names writes nothing.
module "metrics_server" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "1.1.1"

  chart     = "metrics-server"
  namespace = "kube-system"
  set = [
    {
      name  = "serviceAccount.name"
      value = "metrics-server"
    }
  ]

  set_irsa_names = ["serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"]
  create_role    = false
}
