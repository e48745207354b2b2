import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixture, linesOf, scan } from '../../helpers.js'

const SYMBOLIC = fixture('terraform', 'symbolic')

function show(
  value: { kind: 'known'; value: string } | { kind: 'symbolic'; expression: string } | undefined,
): string | undefined {
  return value === undefined ? undefined : value.kind === 'known' ? value.value : `\${${value.expression}}`
}

describe('values known only at apply time', () => {
  it('never produce an error or a warning (module outputs, data sources, variables without values)', async () => {
    const result = await scan(SYMBOLIC)
    expect(linesOf(result)).toEqual([])
  })

  it('stay symbolic in the facts, and still join by reference', async () => {
    const { graph } = await scan(SYMBOLIC)
    const api = graph.facts.roles.find((role) => role.label === 'aws_iam_role.api')!
    const [sub, aud] = api.trustPolicy!.statements[0]!.condition!.entries
    expect(show(sub!.operatorReference)).toBe('${var.condition_test}')
    expect(show(sub!.key)).toBe(
      '${${replace(data.aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")}:sub}',
    )
    expect(sub!.values.map(show)).toEqual(['${system:serviceaccount:${var.namespace}:${var.service_account}}'])
    expect(aud!.values.map(show)).toEqual(['sts.amazonaws.com'])
    expect(
      graph.facts.roles
        .find((role) => role.label === 'aws_iam_role.worker')!
        .trustPolicy!.symbolicStatements!.map(show),
    ).toEqual(['${var.worker_trust_policy}'])
    expect(
      graph.facts.roles.find((role) => role.label === 'module.batch_irsa')!.trustPolicy!.symbolicStatements!.map(show),
    ).toEqual(['${module.batch_irsa.oidc_providers}'])

    const annotations = Object.fromEntries(graph.facts.serviceAccounts.map((sa) => [show(sa.name), show(sa.roleArn)]))
    expect(annotations).toEqual({
      api: '${aws_iam_role.api.arn}',
      worker: '${aws_iam_role.worker.arn}',
      shared: '${module.shared_roles.role_arn}',
      reports: '${arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/reports}',
      batch: '${module.batch_irsa.arn}',
    })
    const linked = graph.facts.serviceAccounts.filter((sa) => graph.rolesOf(sa).length > 0).map((sa) => show(sa.name))
    expect(linked.sort()).toEqual(['api', 'batch', 'worker'])
  })

  it('become known from terraform.tfvars, and then a wrong subject is an error', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'irsa-guard-tfvars-'))
    try {
      cpSync(SYMBOLIC, root, { recursive: true })
      writeFileSync(
        path.join(root, 'terraform.tfvars'),
        'namespace       = "dev"\nservice_account = "api"\ncondition_test  = "StringEquals"\n',
      )
      const result = await scan(root)
      expect(linesOf(result, 'trust-denies-service-account')).toEqual([
        'main.tf:26:35: error: ServiceAccount prod/api (main.tf:39) would be refused by role api\'s trust (main.tf:26): StringEquals on "${replace(data.aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")}:sub" allows "system:serviceaccount:dev:api", not "system:serviceaccount:prod:api"; change the sub value to "system:serviceaccount:prod:api" or move the ServiceAccount to namespace dev [trust-denies-service-account]',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
