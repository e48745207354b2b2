locals {
  autoscaler_role = "arn:aws:iam::210987654321:role/cluster-autoscaler"
  karpenter_role  = "arn:aws:iam::210987654321:role/karpenter"
}

# Default name from the chart's helper (release name and "<cloudProvider>-cluster-autoscaler"),
# annotation under the path this chart reads: rbac.serviceAccount.
resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  namespace  = "kube-system"

  set {
    name  = "rbac.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = local.autoscaler_role
  }
}

# The same chart with the annotation under serviceAccount (a path it never reads).
resource "helm_release" "cluster_autoscaler_staging" {
  name       = "autoscaler"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  namespace  = "staging"

  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = local.autoscaler_role
  }
}

# Values from a file.
resource "helm_release" "karpenter" {
  name       = "karpenter"
  chart      = "oci://public.ecr.aws/karpenter/karpenter"
  version    = "1.1.1"
  namespace  = "karpenter"
  values     = [file("${path.module}/values/karpenter.yaml")]
}

resource "helm_release" "cert_manager" {
  name      = "cert-man"
  chart     = "cert-manager"
  namespace = "cert-manager"

  set_string {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::210987654321:role/cert-manager"
  }
}

resource "helm_release" "external_secrets" {
  name      = "external-secrets"
  chart     = "external-secrets"
  namespace = "default"

  values = [<<-YAML
    namespaceOverride: external-secrets
    serviceAccount:
      annotations:
        eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/external-secrets
  YAML
  ]
}

# The controller's ServiceAccount is managed elsewhere; the chart creates only the node one.
resource "helm_release" "ebs_csi" {
  name      = "aws-ebs-csi-driver"
  chart     = "aws-ebs-csi-driver"
  namespace = "kube-system"

  set = [
    {
      name  = "controller.serviceAccount.create"
      value = "false"
    },
  ]
}

# A chart irsa-guard does not know: a ServiceAccount only because its name is given.
resource "helm_release" "grafana_agent" {
  name      = "agent"
  chart     = "grafana-agent"
  namespace = "monitoring"

  values = [yamlencode({
    serviceAccount = {
      name = "grafana-agent"
      annotations = {
        "eks.amazonaws.com/role-arn" = "arn:aws:iam::210987654321:role/grafana-agent"
      }
    }
  })]
}

# Dots not escaped: Helm builds nested maps, not the annotation.
resource "helm_release" "external_dns" {
  name      = "external-dns"
  chart     = "external-dns"
  namespace = "external-dns"

  set {
    name  = "serviceAccount.annotations.eks.amazonaws.com/role-arn"
    value = "arn:aws:iam::210987654321:role/external-dns"
  }
}
