import { fixture, linesOf, scan } from '../helpers.js'

describe('suppression-reason-missing', () => {
  it('stays silent on suppressions that give their reasons', async () => {
    const result = await scan(fixture('rules', 'suppression-reason-missing', 'silent'))
    expect(linesOf(result, 'suppression-reason-missing')).toEqual([])
    expect(result.graph.facts.serviceAccounts).toHaveLength(2)
  })
})
