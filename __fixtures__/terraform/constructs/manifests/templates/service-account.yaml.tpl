apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: web
  annotations:
    eks.amazonaws.com/role-arn: ${role_arn}
