import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('suppression-reason-missing', () => {
  it('reports an annotation without a reason and a comment without a rule id', async () => {
    expect(await ruleLines('suppression-reason-missing', 'fires')).toEqual([
      'k8s/service-accounts.yaml:7:27: warning: The irsa-guard.io/ignore annotation for role-not-found gives no reason, so it suppresses nothing; say why after the rule id: irsa-guard.io/ignore: "role-not-found: <reason>" [suppression-reason-missing]',
      'k8s/service-accounts.yaml:16:5: warning: The irsa-guard:ignore comment names no rule id, so it suppresses nothing; write # irsa-guard:ignore <rule-id> <reason> [suppression-reason-missing]',
    ])
  })

  it('stays silent on suppressions that give their reasons', async () => {
    const result = await scan(fixture('rules', 'suppression-reason-missing', 'silent'))
    expect(linesOf(result, 'suppression-reason-missing')).toEqual([])
    expect(result.graph.facts.serviceAccounts).toHaveLength(2)
  })
})
