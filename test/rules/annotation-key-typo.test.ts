import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('annotation-key-typo', () => {
  it('reports near misses of eks.amazonaws.com/role-arn, naming the ServiceAccount to annotate', async () => {
    expect(await ruleLines('annotation-key-typo', 'fires')).toEqual([
      'k8s/deployment.yaml:21:9: error: annotation "eks.amazonaws.com/role_arn" in the pod template of Deployment orders/api is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; the webhook reads eks.amazonaws.com/role-arn only on ServiceAccounts: put it in the metadata.annotations of ServiceAccount orders/api (k8s/deployment.yaml:4), which its pods run as [annotation-key-typo]',
      'k8s/service-accounts.yaml:7:5: error: annotation "eks.amazonaws.com/role_arn" on ServiceAccount orders/underscore is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:15:5: error: annotation "eks.amazonaws.com/rolearn" on ServiceAccount orders/run-together is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:23:5: error: annotation "eks.amazonaws.com/roleArn" on ServiceAccount orders/camel-case is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:31:5: error: annotation "eks.amazon.com/role-arn" on ServiceAccount orders/short-domain is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:39:5: error: annotation "kms.amazonaws.com/role-arn" on ServiceAccount orders/wrong-service is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:47:5: error: annotation "eks.amazonaws.com/role-arn " on ServiceAccount orders/trailing-space has stray whitespace, so it is not eks.amazonaws.com/role-arn to the EKS webhook; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:55:5: error: annotation "iam.amazonaws.com/role" on ServiceAccount orders/kube2iam is the kube2iam/kiam pod annotation, which the EKS webhook does not read (it reads eks.amazonaws.com/role-arn); write it as eks.amazonaws.com/role-arn with the full role ARN as its value [annotation-key-typo]',
      'k8s/service-accounts.yaml:63:5: error: annotation "eks.amazonaws.com/iam-role-arn" on ServiceAccount orders/longer-name is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'k8s/service-accounts.yaml:71:5: error: annotation "EKS.amazonaws.com/role-arn" on ServiceAccount orders/upper-case differs in letter case from eks.amazonaws.com/role-arn (keys are case-sensitive), so the EKS webhook does not read it; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
    ])
  })

  it('stays silent on the other eks.amazonaws.com keys, other clouds\' keys and kube2iam on pods', async () => {
    const result = await scan(fixture('rules', 'annotation-key-typo', 'silent'))
    expect(linesOf(result, 'annotation-key-typo')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([2, 1])
  })
})
