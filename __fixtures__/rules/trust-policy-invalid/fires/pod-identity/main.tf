resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": ["sts:AssumeRole", "sts:TagSession"],
      "Effect": "allow",
      "Principal": {
        "Service": "pods.eks.amazonaws.com"
      }
    }
  ]
}
POLICY
}
