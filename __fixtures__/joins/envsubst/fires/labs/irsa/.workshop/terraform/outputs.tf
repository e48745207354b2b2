output "environment_variables" {
  description = "Environment variables to be added to the IDE shell"
  value = {
    CARTS_IAM_ROLE = aws_iam_role.carts.arn
  }
}
