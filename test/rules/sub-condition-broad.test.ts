import { ruleLines } from '../helpers.js'

const RULE = 'sub-condition-broad'
const SUB = 'oidc.eks.us-west-2.amazonaws.com/id/7D6C5B4A39281706F5E4D3C2B1A09F8E:sub'

describe(RULE, () => {
  it('reports patterns spanning namespaces as errors and namespace-wide ones as warnings', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      `iam/ci-runner-trust.json:16:123: error: StringLike on "${SUB}" in statement "CiRunners" admits "*": any ServiceAccount in any namespace can assume role ci-runner; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [${RULE}]`,
      `iam/eks-admin-trust.json:16:87: error: StringLike on "${SUB}" in statement "AnyNamespace" admits "system:serviceaccount:*": any ServiceAccount in any namespace can assume role eks-admin; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [${RULE}]`,
      `iam/tenants-trust.json:16:87: error: StringLike on "${SUB}" in statement "TenantSync" admits "system:serviceaccount:*:tenant-sync": a ServiceAccount named "tenant-sync" in any namespace can assume role tenants; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:tenant-sync" [${RULE}]`,
      `iam/tenants-trust.json:32:87: error: StringLike on "${SUB}" in statement "TeamDeployers" admits "system:serviceaccount:team-*:deployer": a ServiceAccount named "deployer" in any namespace matching "team-*" can assume role tenants; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:deployer" [${RULE}]`,
      `iam/tenants-trust.json:48:87: warning: StringLike on "${SUB}" in statement "Observability" admits "system:serviceaccount:observability:*": any ServiceAccount in namespace "observability", including ones created later, can assume role tenants; list the ServiceAccounts under StringEquals instead: "system:serviceaccount:observability:otel-collector" (k8s/otel-collector.yaml:4) [${RULE}]`,
    ])
  })

  it('stays silent on exact subjects, name patterns within a named namespace, and a namespace pattern a Deny narrows', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
