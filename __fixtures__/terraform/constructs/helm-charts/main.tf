resource "helm_release" "velero" {
  name       = "backup"
  namespace  = "velero"
  repository = "https://vmware-tanzu.github.io/helm-charts"
  chart      = "velero"

  set {
    name  = "serviceAccount.server.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::210987654321:role/velero"
  }
}

resource "helm_release" "fluent_bit" {
  name       = "aws-for-fluent-bit"
  namespace  = "logging"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-for-fluent-bit"

  set {
    name  = "global.namespaceOverride"
    value = "amazon-cloudwatch"
  }
}

resource "helm_release" "cloudwatch" {
  name       = "cw"
  namespace  = "amazon-cloudwatch"
  repository = "https://aws-observability.github.io/helm-charts"
  chart      = "amazon-cloudwatch-observability"

  # The chart's template writes no annotations on these ServiceAccounts.
  set {
    name  = "agent.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::210987654321:role/cloudwatch"
  }
}

resource "helm_release" "argocd" {
  name       = "argocd"
  namespace  = "argocd"
  repository = "https://argoproj.github.io/argo-helm"
  chart      = "argo-cd"

  set {
    name  = "server.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::210987654321:role/argocd-server"
  }
  set {
    name  = "dex.serviceAccount.create"
    value = "false"
  }
}

resource "helm_release" "kubecost" {
  name       = "kubecost"
  namespace  = "kubecost"
  repository = "https://kubecost.github.io/cost-analyzer/"
  chart      = "cost-analyzer"
}

resource "helm_release" "spark" {
  name       = "spark"
  namespace  = "spark-operator"
  repository = "https://kubeflow.github.io/spark-operator"
  chart      = "spark-operator"
}
