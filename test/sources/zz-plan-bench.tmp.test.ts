import { readTerraformPlanFile } from '../../src/sources/terraform-plan.js'
import { parseJsonTree } from '../../src/sources/json-tree.js'
import { analyse } from '../../src/check.js'
import { defaultConfig } from '../../src/config.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
function largePlan(roles: number, others: number): unknown {
  const trust = (index: number): string => JSON.stringify({ Statement: [{ Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: `system:serviceaccount:apps:app-${index}` } }, Effect: 'Allow', Principal: { Federated: `arn:aws:iam::406214073512:oidc-provider/${ISSUER}` } }], Version: '2012-10-17' })
  const otherValues = (index: number) => ({ bucket: `logs-${index}`, tags: { team: 'platform', service: `service-${index % 50}`, description: 'x'.repeat(200) }, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::logs-${index}/*`, Principal: { AWS: '*' } }] }) })
  const all = [
    ...Array.from({ length: others }, (_, index) => ({ address: `aws_s3_bucket.logs[${index}]`, type: 'aws_s3_bucket', name: 'logs', index, values: otherValues(index) })),
    ...Array.from({ length: roles }, (_, index) => ({ address: `aws_iam_role.app[${index}]`, type: 'aws_iam_role', name: 'app', index, values: { assume_role_policy: trust(index), name: `app-${index}`, path: '/' } })),
  ]
  return {
    format_version: '1.2',
    planned_values: { root_module: { resources: all.map((i) => ({ address: i.address, mode: 'managed', type: i.type, name: i.name, index: i.index, values: i.values })) } },
    resource_changes: all.map((i) => ({ address: i.address, mode: 'managed', type: i.type, name: i.name, index: i.index, change: { actions: ['create'], before: null, after: i.values, after_unknown: { arn: true, id: true } } })),
    configuration: { provider_config: { aws: { name: 'aws' } }, root_module: {} },
  }
}
function time<T>(label: string, f: () => T, runs = 5): T {
  let result: T | undefined
  const times: number[] = []
  for (let i = 0; i < runs; i++) { const t = performance.now(); result = f(); times.push(performance.now() - t) }
  times.sort((a, b) => a - b)
  console.log(`${label}: median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)})`)
  return result!
}
it('bench', () => {
  for (const roles of [40, 400]) {
    const plan = largePlan(roles, 6000)
    for (const [kind, text] of [['minified', JSON.stringify(plan)], ['pretty', JSON.stringify(plan, null, 2)]] as const) {
      const file = { path: 'plan.json', kind: 'terraform-plan' as const, text }
      console.log(`${kind} ${roles} roles: ${(text.length / 1e6).toFixed(2)} MB`)
      time('  JSON.parse', () => JSON.parse(text))
      time('  readTerraformPlanFile', () => readTerraformPlanFile(file, { files: [file] }))
      time('  parseJsonTree (located tree, for comparison)', () => parseJsonTree('plan.json', text), 3)
      time('  analyse (source + graph + all rules)', () => analyse([file], 1, defaultConfig()), 3)
    }
  }
})
