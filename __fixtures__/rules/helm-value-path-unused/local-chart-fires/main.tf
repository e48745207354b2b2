resource "helm_release" "autoscaler_staging" {
  name      = "autoscaler"
  chart     = "./charts/autoscaler"
  namespace = "kube-system"

  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::406214073512:role/autoscaler-staging"
  }
}
