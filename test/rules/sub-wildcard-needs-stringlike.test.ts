import { ruleLines } from '../helpers.js'

const RULE = 'sub-wildcard-needs-stringlike'
const SUB = 'oidc.eks.eu-west-1.amazonaws.com/id/5C0E6A2B9F8D4E31A7B2C9D0E1F23456:sub'

describe(RULE, () => {
  it('reports each wildcard under StringEquals on its value, naming the ServiceAccounts that use the role', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      `iam/batch-trust.json:16:13: error: StringEquals on "${SUB}" in statement "BatchWorkers" compares "system:serviceaccount:batch:worker-?" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount [${RULE}]`,
      `iam/batch-trust.json:30:87: error: ForAnyValue:StringEquals on "${SUB}" in statement "CrossplaneProviders" compares "system:serviceaccount:crossplane-system:provider-aws-*" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount [${RULE}]`,
      `iam/reports-trust.json:13:87: error: StringEquals on "${SUB}" in Statement[0] compares "system:serviceaccount:reports:*" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount "system:serviceaccount:reports:report-generator" (k8s/reports.yaml:4) [${RULE}]`,
    ])
  })

  it('stays silent on StringLike patterns and exact StringEquals subjects', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })

  it('can be turned off in the config', async () => {
    expect(await ruleLines(RULE, 'fires', { rules: { [RULE]: 'off' } })).toEqual([])
  })
})
