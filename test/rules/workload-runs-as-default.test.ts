import { fixture, linesOf, scan } from '../helpers.js'

describe('workload-runs-as-default', () => {
  it('stays silent on a set name, an annotated default ServiceAccount, a ServiceAccount another workload uses or defined elsewhere', async () => {
    const result = await scan(fixture('rules', 'workload-runs-as-default', 'silent'))
    expect(linesOf(result, 'workload-runs-as-default')).toEqual([])
    expect(result.graph.facts.workloads.filter((workload) => workload.serviceAccountName === undefined).length).toBe(4)
  })
})
