import { fixture, linesOf, scan } from '../helpers.js'

describe('annotation-value-invalid', () => {
  it('stays silent on values the webhook reads as written', async () => {
    const result = await scan(fixture('rules', 'annotation-value-invalid', 'silent'))
    expect(linesOf(result, 'annotation-value-invalid')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([3, 1])
  })
})
