import { ruleLines } from '../helpers.js'

const id = 'service-account-ref-missing'

describe(id, () => {
  it('reports a store whose ServiceAccount lacks the role annotation, or is defined nowhere in a namespace its unit knows', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `k8s/stores.yaml:14:13: warning: SecretStore payments/payments-params authenticates as ServiceAccount payments/payments-reader (k8s/service-accounts.yaml:4), which has no eks.amazonaws.com/role-arn annotation: External Secrets refuses it ("an IAM role must be associated with service account"); annotate it with the ARN of a role whose trust allows it [${id}]`,
      `k8s/stores.yaml:28:13: warning: ClusterSecretStore shared-secrets authenticates as ServiceAccount platform/shared-secrets-reader, which no scanned source defines; External Secrets cannot get its token until it exists: create it annotated with the ARN of a role whose trust allows it, or fix spec.provider.aws.auth.jwt.serviceAccountRef [${id}]`,
      `terraform/main.tf:37:13: warning: SecretStore reports/reports authenticates as ServiceAccount reports/reports-secrets, which no scanned source defines although role reports-secrets (terraform/main.tf:15) trusts it; External Secrets cannot get its token until it exists: create it annotated with the ARN of role reports-secrets, or fix spec.provider.aws.auth.jwt.serviceAccountRef [${id}]`,
    ])
  })

  it('stays silent on annotated ServiceAccounts, per-use namespaces, namespaces the scan does not see, ServiceAccounts of another unit or named to a module the scan does not model, and other providers', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
