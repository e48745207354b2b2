import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('parse-error', () => {
  it('stays silent on valid look-alikes and on Helm chart templates', async () => {
    const result = await scan(fixture('rules', 'parse-error', 'silent'))
    expect(linesOf(result, 'parse-error')).toEqual([])
    expect(result.graph.facts.serviceAccounts.map((account) => account.annotations.length)).toEqual([3])
    expect(result.graph.facts.workloads).toHaveLength(1)
  })

  it('follows the configured level, or none when off', async () => {
    expect(await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'error' } })).toHaveLength(5)
    expect((await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'error' } }))[0]).toContain(
      ': error: Duplicate key',
    )
    expect(await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'off' } })).toEqual([])
  })
})
