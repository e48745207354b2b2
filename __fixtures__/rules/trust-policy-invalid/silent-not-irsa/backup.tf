# A service role's trust: not IRSA, so not irsa-guard's to judge (IAM itself reports "allow").
resource "aws_iam_role" "backup" {
  name               = "backup-service"
  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["sts:AssumeRole"],
      "Effect": "allow",
      "Principal": {
        "Service": ["backup.amazonaws.com"]
      }
    }
  ]
}
POLICY
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = "reports"
  policy = templatefile("${path.module}/bucket-policy.json", { readers = var.readers })
}

variable "readers" {
  type = list(string)
}
