import { fixture, linesOf, scan } from '../helpers.js'

describe('role-arn-placeholder', () => {
  it('stays silent on real accounts that resemble documentation ones, on shell variables (envsubst) and on the empty defaults of a module nothing in the scan calls', async () => {
    const result = await scan(fixture('rules', 'role-arn-placeholder', 'silent'))
    expect(linesOf(result, 'role-arn-placeholder')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([9, 0])
  })

  it('stays silent on kustomize vars a varReference substitutes', async () => {
    const result = await scan(fixture('rules', 'role-arn-placeholder', 'silent-kustomize-vars'))
    expect(linesOf(result, 'role-arn-placeholder')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([1, 0])
  })
})
