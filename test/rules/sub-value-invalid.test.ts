import { ruleLines } from '../helpers.js'

const RULE = 'sub-value-invalid'
const SUB = 'oidc.eks.us-east-2.amazonaws.com/id/A1B2C3D4E5F60718293A4B5C6D7E8F90:sub'
const NO_MATCH = 'so no ServiceAccount token matches'

describe(RULE, () => {
  it('reports every subject no token can carry, with the value to write', async () => {
    const legacy = (line: number, value: string, problem: string) =>
      `iam/legacy-app-trust.json:${line}:13: error: "${SUB}" value "${value}" in Statement[0] ${problem} [${RULE}]`
    const templated = (line: number, sid: string, value: string, problem: string) =>
      `iam/templated-trust.json:${line}:87: error: "${SUB}" value "${value}" in statement "${sid}" ${problem} [${RULE}]`
    expect(await ruleLines(RULE, 'fires')).toEqual([
      legacy(14, 'system:serviceaccounts:payments:api', `starts with "system:serviceaccounts:" (plural), a Kubernetes group prefix that token subjects never have, ${NO_MATCH}; write "system:serviceaccount:payments:api"`),
      legacy(15, 'serviceaccount:payments:worker', `lacks the "system:" prefix, ${NO_MATCH}; write "system:serviceaccount:payments:worker"`),
      legacy(16, 'payments/reconciler', `separates namespace and name with "/", ${NO_MATCH}; write "system:serviceaccount:payments:reconciler"`),
      legacy(17, 'payments:ledger', `lacks the "system:serviceaccount:" prefix, ${NO_MATCH}; write "system:serviceaccount:payments:ledger"`),
      legacy(18, 'system:serviceaccount:system:serviceaccount:payments:audit', `repeats the "system:serviceaccount:" prefix, ${NO_MATCH}; write "system:serviceaccount:payments:audit"`),
      legacy(19, 'system:serviceaccount:payments:api:v2', `has 5 ":"-separated parts where a subject has 4 (system:serviceaccount:<namespace>:<name>), ${NO_MATCH}; write "system:serviceaccount:<namespace>:<name>"`),
      legacy(20, 'system:serviceaccount:payments', `names a namespace but no ServiceAccount, ${NO_MATCH}; write "system:serviceaccount:payments:<name>" (or use StringLike "system:serviceaccount:payments:*" for every ServiceAccount of the namespace)`),
      legacy(21, 'system:serviceaccount:Payments:api', `has the namespace "Payments" in uppercase, which Kubernetes names never are, ${NO_MATCH}; write "system:serviceaccount:payments:api"`),
      legacy(22, 'system:serviceaccount:payments:api_worker', `has the ServiceAccount name "api_worker", which is not a valid Kubernetes name (lowercase letters, digits, "-" and ".", at most 253), ${NO_MATCH}; write the ServiceAccount's real name`),
      legacy(23, ' system:serviceaccount:payments:cron', `has leading or trailing whitespace, which STS compares literally, ${NO_MATCH}; write "system:serviceaccount:payments:cron"`),
      legacy(24, 'system:serviceacount:payments:refunds', `does not start with "system:serviceaccount:", ${NO_MATCH}; write "system:serviceaccount:payments:refunds"`),
      legacy(25, 'system:serviceaccount:payments:<service-account>', `holds the unrendered placeholder "<service-account>", which STS compares literally, ${NO_MATCH}; render it before the policy is applied, or write the namespace and name`),
      // the mechanical fix would name a namespace and ServiceAccount Kubernetes refuses: not suggested
      legacy(26, 'billing_ops/api_worker', `separates namespace and name with "/", ${NO_MATCH}; write "system:serviceaccount:<namespace>:<name>" with the ServiceAccount's real namespace and name (Kubernetes names are lowercase letters, digits and "-")`),
      templated(14, 'RenderedByHand', 'system:serviceaccount:{var.namespace}:exporter', `holds the unrendered placeholder "{var.namespace}", which STS compares literally, ${NO_MATCH}; render it before the policy is applied, or write the namespace and name`),
      templated(28, 'EnvsubstForgotten', 'system:serviceaccount:${NAMESPACE}:exporter', `holds the unrendered placeholder "\${NAMESPACE}", which STS compares literally, ${NO_MATCH}; render it before the policy is applied, or write the namespace and name`),
      templated(41, 'SwappedKeys', 'sts.amazonaws.com', `is an audience, not a subject (it belongs under the ":aud" key), ${NO_MATCH}; write "system:serviceaccount:<namespace>:<name>"`),
      templated(55, 'GroupNotSubject', 'system:serviceaccounts:monitoring:*', `starts with "system:serviceaccounts:" (plural), a Kubernetes group prefix that token subjects never have, ${NO_MATCH}; write "system:serviceaccount:monitoring:*"`),
    ])
  })

  it('stays silent on valid subjects: arrays, dotted names, patterns, aws-cn and aws-us-gov', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
