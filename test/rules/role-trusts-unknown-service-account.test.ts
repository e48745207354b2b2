import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const id = 'role-trusts-unknown-service-account'

describe(id, () => {
  it('notes trusted ServiceAccounts that no scanned source defines, or defines without annotating them with the role', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `iam/orders-reader-trust.json:14:13: note: role orders-reader's trust allows ServiceAccount prod/orders-legacy, which no scanned source defines; remove the subject if that ServiceAccount is gone, or include its manifest in the scan [${id}]`,
      `iam/payments-trust.json:12:87: note: role payments's trust allows ServiceAccount billing/payments, but its manifest (k8s/service-accounts.yaml:21) annotates it with role "arn:aws:iam::406214073512:role/payments-v2"; annotate it with the ARN of role payments or remove the subject from the trust [${id}]`,
      `iam/reports-reader-trust.json:12:87: note: role reports-reader's trust allows ServiceAccount prod/reports, but its manifest (k8s/service-accounts.yaml:12) has no eks.amazonaws.com/role-arn annotation; annotate it with the ARN of role reports-reader or remove the subject from the trust [${id}]`,
      // a trust policy bound to no role, joined in reverse through its sub value
      `iam/trust-policy.json:12:87: note: trust policy iam/trust-policy.json allows ServiceAccount ops/backup, which no scanned source defines; remove the subject if that ServiceAccount is gone, or include its manifest in the scan [${id}]`,
      // no ServiceAccount of the namespace anywhere, and the chart of its Terraform root is never handed the role
      `terraform/analytics.tf:16:88: note: role analytics-shuffle's trust allows ServiceAccount analytics/shuffle, which nothing in its Terraform root (terraform/) defines, and no chart or module there is given the role to annotate it with; remove the subject if that ServiceAccount is gone, or annotate it with the role where it is created [${id}]`,
    ])
  })

  it('stays silent when the scan defines no ServiceAccount at all', async () => {
    const result = await scan(fixture('rules', id, 'fires'), { include: ['iam/**'] })
    expect(result.graph.facts.roles).toHaveLength(6)
    expect(result.graph.facts.serviceAccounts).toHaveLength(0)
    expect(linesOf(result, id)).toEqual([])
  })

  it('stays silent when every trusted ServiceAccount is defined and names the role, or a chart of the unit is handed the role', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})

describe(`${id} in a Terraform root`, () => {
  it('notes a subject nobody in the root defines even when a chart elsewhere renders ServiceAccounts of unknown name and namespace', async () => {
    const result = await scan(fixture('rules', id, 'unit-and-chart'))
    expect(result.graph.facts.serviceAccounts.map((sa) => [sa.namespace.kind, sa.name.kind])).toEqual([['symbolic', 'symbolic']])
    expect(linesOf(result, id)).toEqual([
      `terraform/analytics.tf:16:88: note: role analytics-shuffle's trust allows ServiceAccount analytics/shuffle, which nothing in its Terraform root (terraform/) defines, and no chart or module there is given the role to annotate it with; remove the subject if that ServiceAccount is gone, or annotate it with the role where it is created [${id}]`,
    ])
  })
})
