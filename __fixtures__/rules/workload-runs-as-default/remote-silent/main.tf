# The ServiceAccount is named: it is made elsewhere (eksctl create iamserviceaccount).
resource "helm_release" "lb" {
  name       = "aws-load-balancer-controller"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  namespace  = "kube-system"

  set {
    name  = "serviceAccount.create"
    value = "false"
  }
  set {
    name  = "serviceAccount.name"
    value = "aws-load-balancer-controller"
  }
}

# The chart creates its ServiceAccount and annotates it.
resource "helm_release" "dns" {
  name       = "external-dns"
  repository = "https://kubernetes-sigs.github.io/external-dns/"
  chart      = "external-dns"
  namespace  = "kube-system"

  values = [yamlencode({
    serviceAccount = {
      create = true
      annotations = {
        "eks.amazonaws.com/role-arn" = "arn:aws:iam::406214073512:role/external-dns"
      }
    }
  })]
}

# spark-operator 1.x had no controller.serviceAccount: the values are not read.
resource "helm_release" "spark" {
  name       = "spark-operator"
  repository = "https://kubeflow.github.io/spark-operator"
  chart      = "spark-operator"
  version    = "1.4.0"
  namespace  = "spark"

  set {
    name  = "controller.serviceAccount.create"
    value = "false"
  }
  set {
    name  = "controller.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::406214073512:role/spark"
  }
}

# Values known only at apply time may name the ServiceAccount.
resource "helm_release" "karpenter" {
  name       = "karpenter"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"
  namespace  = "kube-system"
  values     = [var.karpenter_values]

  set {
    name  = "serviceAccount.create"
    value = "false"
  }
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = "arn:aws:iam::406214073512:role/karpenter"
  }
}

variable "karpenter_values" {
  type = string
}
