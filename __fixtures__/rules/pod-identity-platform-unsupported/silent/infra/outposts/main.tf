resource "aws_eks_cluster" "edge" {
  name     = "factory"
  role_arn = "arn:aws:iam::406214073512:role/factory-cluster"

  vpc_config {
    subnet_ids = ["subnet-0f1e2d3c4b5a69788"]
  }

  dynamic "outpost_config" {
    for_each = var.outposts
    content {
      control_plane_instance_type = "m5.large"
      outpost_arns                = outpost_config.value
    }
  }
}

variable "outposts" {
  type = list(list(string))
}

resource "aws_eks_pod_identity_association" "telemetry" {
  cluster_name    = aws_eks_cluster.edge.name
  namespace       = "telemetry"
  service_account = "collector"
  role_arn        = "arn:aws:iam::406214073512:role/telemetry"
}
