# The add-ons module (not modelled) is given the ServiceAccount's name: it may create it, annotated.
module "addons" {
  source  = "example/addons/aws"
  version = "1.0.0"

  external_secrets = {
    namespace            = "vault-sync"
    service_account_name = "vault-sync-reader"
  }
}

resource "aws_iam_role" "reader" {
  name = "vault-sync-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::406214073512:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C0FFEE5C0FFEE5C0FFEE5C0FFEE5C0F:sub" = "system:serviceaccount:vault-sync:vault-sync-reader"
        }
      }
    }]
  })
}

resource "kubectl_manifest" "store" {
  yaml_body = <<-YAML
    apiVersion: external-secrets.io/v1beta1
    kind: SecretStore
    metadata:
      name: vault-sync
      namespace: vault-sync
    spec:
      provider:
        aws:
          service: SecretsManager
          region: eu-west-1
          auth:
            jwt:
              serviceAccountRef:
                name: vault-sync-reader
  YAML
}
