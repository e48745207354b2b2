import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('webhook-skip-label', () => {
  it('reports the skip label on pods whose ServiceAccount has a role', async () => {
    expect(await ruleLines('webhook-skip-label', 'fires')).toEqual([
      "k8s/reports.yaml:22:9: warning: The pods of Deployment reports/reports carry the label eks.amazonaws.com/skip-pod-identity-webhook (\"true\"), so the pod identity webhook skips them and injects no IRSA variables, although ServiceAccount reports/reports (k8s/reports.yaml:4), which they run as, names role \"arn:aws:iam::406214073512:role/reports\": the SDK falls back to the node's role; remove the label [webhook-skip-label]",
    ])
  })

  it('stays silent without the label, and on pods whose ServiceAccount has no role', async () => {
    const result = await scan(fixture('rules', 'webhook-skip-label', 'silent'))
    expect(linesOf(result, 'webhook-skip-label')).toEqual([])
    expect(result.graph.facts.workloads.length).toBe(3)
  })
})
