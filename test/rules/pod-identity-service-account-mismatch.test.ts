import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('pod-identity-service-account-mismatch', () => {
  it('reports Terraform and eksctl associations for a namespace where the scan does not define the ServiceAccount it defines elsewhere', async () => {
    expect(await ruleLines('pod-identity-service-account-mismatch', 'fires')).toEqual([
      "eksctl/cluster.yaml:10:18: error: The Pod Identity association on cluster reporting gives the role to ServiceAccount default/reports, which no scanned file defines, but ServiceAccount reports/reports (k8s/service-accounts.yaml:16) is defined in namespace reports and no association covers it: its pods get no credentials from EKS Pod Identity; set the association's namespace to reports [pod-identity-service-account-mismatch]",
      "infra/pod-identity.tf:24:21: error: Pod Identity association aws_eks_pod_identity_association.karpenter on cluster prod gives the role to ServiceAccount kube-system/karpenter, which no scanned file defines, but ServiceAccount karpenter/karpenter (k8s/service-accounts.yaml:4) is defined in namespace karpenter and no association covers it: its pods get no credentials from EKS Pod Identity; set the association's namespace to karpenter [pod-identity-service-account-mismatch]",
    ])
  })

  it('stays silent on matching associations, ServiceAccounts the scan does not define and ServiceAccounts with IRSA', async () => {
    const result = await scan(fixture('rules', 'pod-identity-service-account-mismatch', 'silent'))
    expect(linesOf(result, 'pod-identity-service-account-mismatch')).toEqual([])
    expect(result.graph.facts.podIdentityAssociations.length).toBe(4)
  })
})
