resource "helm_release" "external_dns" {
  name       = "external-dns"
  namespace  = "dns"
  repository = "https://kubernetes-sigs.github.io/external-dns/"
  chart      = "external-dns"

  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::345678901234:role/external-dns"
  }
}

resource "helm_release" "reports" {
  name      = "reports"
  namespace = "shop"
  chart     = "oci://registry.example.com/charts/reports"

  set = [
    {
      name  = "serviceAccount.name"
      value = "reports"
    },
    {
      name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
      value = "arn:aws:iam::345678901234:role/reports"
    },
    {
      name  = "podAnnotations.prometheus\\.io/scrape"
      value = "true"
    },
  ]
}
