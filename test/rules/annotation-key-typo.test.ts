import { fixture, linesOf, scan } from '../helpers.js'

describe('annotation-key-typo', () => {
  it("stays silent on the other eks.amazonaws.com keys, other clouds' keys and kube2iam on pods", async () => {
    const result = await scan(fixture('rules', 'annotation-key-typo', 'silent'))
    expect(linesOf(result, 'annotation-key-typo')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([2, 1])
  })
})
