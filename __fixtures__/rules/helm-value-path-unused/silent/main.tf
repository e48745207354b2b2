resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  namespace  = "kube-system"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"

  set {
    name  = "rbac.serviceAccount.name"
    value = "cluster-autoscaler"
  }

  set {
    name  = "rbac.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::111122223333:role/cluster-autoscaler"
  }
}

resource "helm_release" "velero" {
  name       = "velero"
  namespace  = "velero"
  repository = "https://vmware-tanzu.github.io/helm-charts"
  chart      = "velero"

  values = [<<-YAML
    serviceAccount:
      server:
        annotations:
          eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/velero
  YAML
  ]
}

# A chart irsa-guard does not model: its paths are not known, so nothing is said.
resource "helm_release" "in_house" {
  name      = "in-house"
  namespace = "apps"
  chart     = "./charts/in-house"

  set {
    name  = "rbac.serviceAccount.name"
    value = "in-house"
  }
}
