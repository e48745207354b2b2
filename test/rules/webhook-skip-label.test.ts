import { fixture, linesOf, scan } from '../helpers.js'

describe('webhook-skip-label', () => {
  it('stays silent without the label, on pods whose ServiceAccount has no role and on pods that name a kube2iam role', async () => {
    const result = await scan(fixture('rules', 'webhook-skip-label', 'silent'))
    expect(linesOf(result, 'webhook-skip-label')).toEqual([])
    expect(result.graph.facts.workloads.length).toBe(3)
  })
})
