output "environment_variables" {
  value = {
    CARTS_IAM_ROLE = aws_iam_role.carts.arn
  }
}
