import { fixture, linesOf, scan } from '../helpers.js'

describe('workload-env-blocks-injection', () => {
  it('stays silent on skipped containers, a config file in ~/.aws, and workloads without IRSA', async () => {
    const result = await scan(fixture('rules', 'workload-env-blocks-injection', 'silent'))
    expect(linesOf(result, 'workload-env-blocks-injection')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([2, 4])
  })
})
