import { ruleLines } from '../helpers.js'

const id = 'pod-identity-trust-invalid'
const INVALID = 'so EKS refuses the association with "InvalidParameterException: Trust policy of the role provided is invalid"'
const CHANGE = 'change it to "pods.eks.amazonaws.com" with the actions "sts:AssumeRole" and "sts:TagSession"'

describe(id, () => {
  it('reports roles of Pod Identity associations whose trust does not let pods.eks.amazonaws.com assume and tag', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `infra/china.tf:9:31: error: Role payments-ledger-cn's trust, which Pod Identity association aws_eks_pod_identity_association.ledger_cn (payments/ledger, infra/china.tf:15) uses, names the service principal "pods.eks.amazonaws.com.cn" (the principal has no ".cn" form: it is the same in China) in Statement[0], not "pods.eks.amazonaws.com", ${INVALID}; ${CHANGE} [${id}]`,
      `infra/pod-identity.tf:14:18: error: Role payments-ledger's trust, which Pod Identity association aws_eks_pod_identity_association.ledger (payments/ledger, infra/pod-identity.tf:28) uses, is an IRSA trust: Statement[0] lets an OIDC provider (Federated) assume the role with sts:AssumeRoleWithWebIdentity, but Pod Identity assumes it as the service principal pods.eks.amazonaws.com with sts:AssumeRole, ${INVALID}; add the statement {"Effect": "Allow", "Principal": {"Service": "pods.eks.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"]} (keep the IRSA statement only while ServiceAccounts still use IRSA) [${id}]`,
      `infra/pod-identity.tf:42:7: error: Role payments-reports's trust, which Pod Identity association aws_eks_pod_identity_association.reports (payments/reports, infra/pod-identity.tf:47) uses, lets pods.eks.amazonaws.com perform sts:AssumeRole but not sts:TagSession, and EKS tags every Pod Identity session, so the pods get no credentials ("not authorized to perform: sts:TagSession"); add "sts:TagSession" to the Action of Statement[0] [${id}]`,
      `infra/pod-identity.tf:59:22: error: Role payments-exporter's trust, which Pod Identity association aws_eks_pod_identity_association.exporter (monitoring/payments-exporter, infra/pod-identity.tf:69) uses, names the service principal "eks.amazonaws.com" (the principal of an EKS cluster role) in Statement[0], not "pods.eks.amazonaws.com", ${INVALID}; ${CHANGE} [${id}]`,
    ])
  })

  it('stays silent for migrating trusts, tag conditions, roles no association uses and roles known only at apply time', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
