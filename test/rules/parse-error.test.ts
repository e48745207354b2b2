import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('parse-error', () => {
  it('reports a syntax error and a duplicate key on their lines: a warning where IRSA content is, a note elsewhere', async () => {
    expect(await ruleLines('parse-error', 'fires')).toEqual([
      'k8s/deployment.yaml:13:7: warning: Duplicate key "serviceAccountName" (first at k8s/deployment.yaml:9): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
      'k8s/off-topic.yaml:29:5: warning: Duplicate key "eks.amazonaws.com/role-arn" (first at k8s/off-topic.yaml:28): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
      'k8s/service-account.yaml:8:1: warning: Cannot parse YAML: All mapping items must start at the same column; nothing in this document was checked [parse-error]',
      'k8s/off-topic.yaml:10:5: note: Duplicate key "spark.hadoop.fs.s3a.threads.max" (first at k8s/off-topic.yaml:9): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
      'k8s/off-topic.yaml:20:3: note: Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing in this document was checked [parse-error]',
    ])
  })

  it('stays silent on valid look-alikes and on Helm chart templates', async () => {
    const result = await scan(fixture('rules', 'parse-error', 'silent'))
    expect(linesOf(result, 'parse-error')).toEqual([])
    expect(result.graph.facts.serviceAccounts.map((account) => account.annotations.length)).toEqual([3])
    expect(result.graph.facts.workloads).toHaveLength(1)
  })

  it('follows the configured level, or none when off', async () => {
    expect(await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'error' } })).toHaveLength(5)
    expect((await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'error' } }))[0]).toContain(': error: Duplicate key')
    expect(await ruleLines('parse-error', 'fires', { rules: { 'parse-error': 'off' } })).toEqual([])
  })
})
