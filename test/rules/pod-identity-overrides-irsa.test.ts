import { ruleLines } from '../helpers.js'

const id = 'pod-identity-overrides-irsa'
const LEDGER =
  'ServiceAccount payments/ledger (k8s/service-accounts.yaml:7) names role payments-ledger in eks.amazonaws.com/role-arn, but Pod Identity association aws_eks_pod_identity_association.ledger on cluster payments (infra/pod-identity.tf:20) maps the same ServiceAccount to role payments-ledger-pods, and Pod Identity takes precedence: its pods get the credentials of role payments-ledger-pods, not of role payments-ledger; remove the annotation and give role payments-ledger-pods the permissions the pods need, or delete the association to keep IRSA'
const REPORTS =
  "ServiceAccount payments/reports (k8s/service-accounts.yaml:15) names role payments-reports in eks.amazonaws.com/role-arn, and Pod Identity association aws_eks_pod_identity_association.reports on cluster payments (infra/pod-identity.tf:27) maps the same ServiceAccount to that role; Pod Identity takes precedence, so the annotation has no effect (the role's trust must accept pods.eks.amazonaws.com); remove the annotation, or delete the association to keep IRSA"
// The association's role is a variable without a value: which role it is stays unknown, so no error.
const SETTLEMENT =
  'ServiceAccount payments/settlement (k8s/service-accounts.yaml:23) names role payments-settlement in eks.amazonaws.com/role-arn, but Pod Identity association aws_eks_pod_identity_association.settlement on cluster payments (infra/pod-identity.tf:39) maps the same ServiceAccount to the role ${var.settlement_role_arn}; Pod Identity takes precedence, so the webhook injects only the Pod Identity credentials and the annotation has no effect; remove the annotation, or delete the association to keep IRSA'

describe(id, () => {
  it('reports annotated ServiceAccounts that a Pod Identity association also maps: an error when the roles differ', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:7:33: error: ${LEDGER} [${id}]`,
      `k8s/service-accounts.yaml:15:33: warning: ${REPORTS} [${id}]`,
      `k8s/service-accounts.yaml:23:33: warning: ${SETTLEMENT} [${id}]`,
    ])
  })

  it('keeps a warning when several clusters are known, since the association may be for another cluster than the manifest', async () => {
    const clusters = [{ name: 'payments' }, { name: 'payments-dr' }]
    expect(await ruleLines(id, 'fires', { clusters })).toEqual([
      `k8s/service-accounts.yaml:7:33: warning: ${LEDGER} [${id}]`,
      `k8s/service-accounts.yaml:15:33: warning: ${REPORTS} [${id}]`,
      `k8s/service-accounts.yaml:23:33: warning: ${SETTLEMENT} [${id}]`,
    ])
  })

  it('stays silent for migrated ServiceAccounts and associations of other ServiceAccounts or namespaces', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
