output "carts_iam_role" {
  value = aws_iam_role.carts.arn
}
