import { fixture, linesOf, scan } from '../helpers.js'

describe('role-arn-partition-mismatch', () => {
  it('stays silent when the annotation has the partition of the cluster region', async () => {
    const result = await scan(fixture('rules', 'role-arn-partition-mismatch', 'silent'))
    expect(linesOf(result, 'role-arn-partition-mismatch')).toEqual([])
    expect(result.graph.facts.serviceAccounts.map((sa) => result.graph.rolesOf(sa).length)).toEqual([1, 1])
  })
})
