module "external_dns" {
  source  = "aws-ia/eks-blueprints-addon/aws"
  version = "~> 1.1"

  chart         = "external-dns"
  chart_version = "1.15.0"
  repository    = "https://kubernetes-sigs.github.io/external-dns/"
  namespace     = "external-dns"
  create_role   = false

  set = [
    { name = "serviceAccount.create", value = "false" },
    { name = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn", value = "arn:aws:iam::406214073512:role/external-dns" },
  ]
}
