output "CARTS_IAM_ROLE" {
  value = aws_iam_role.carts.arn
}
