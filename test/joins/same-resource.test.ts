import { emptyFacts, type Facts, type Role, type ServiceAccount, type SourceKind } from '../../src/model/facts.js'
import type { Location } from '../../src/model/location.js'
import type { TreeNode } from '../../src/model/tree.js'
import { known, symbolic, type Value } from '../../src/model/value.js'
import { readPolicyDocument } from '../../src/sources/shared/policy-document.js'
import { mergeSameResources } from '../../src/merge-same-resources.js'

const tf = (line: number): Location => ({ path: 'infra/main.tf', line, column: 3 })
const plan = (file: string, line: number): Location => ({ path: file, line, column: 7 })
const text = (value: Value | undefined): string =>
  value === undefined ? '-' : value.kind === 'known' ? value.value : `\${${value.expression}}`
const where = (value: Value | undefined): string =>
  value === undefined ? '-' : `${text(value)}@${value.location.path}:${value.location.line}`

function role(source: SourceKind, location: Location, fields: Partial<Role>): Role {
  return { source, location, label: `${source} role`, arnReferences: [], ...fields }
}

function facts(partial: Partial<Facts>): Facts {
  return { ...emptyFacts(), ...partial }
}

/** A trust policy with one statement whose sub values are given (each a Value). */
function trust(origin: string, location: Location, subValues: Value[], key: Value): Role['trustPolicy'] {
  const scalar = (value: Value): TreeNode => ({
    kind: 'scalar',
    location: value.location,
    value,
    type: value.kind === 'known' ? 'string' : 'unknown',
  })
  const tree: TreeNode = {
    kind: 'object',
    location,
    entries: [
      { key: 'Version', keyLocation: location, value: scalar(known('2012-10-17', location)) },
      {
        key: 'Statement',
        keyLocation: location,
        value: {
          kind: 'array',
          location,
          items: [
            {
              kind: 'object',
              location,
              entries: [
                { key: 'Effect', keyLocation: location, value: scalar(known('Allow', location)) },
                {
                  key: 'Condition',
                  keyLocation: location,
                  value: {
                    kind: 'object',
                    location,
                    entries: [
                      {
                        key: 'StringEquals',
                        keyLocation: location,
                        value: {
                          kind: 'object',
                          location,
                          entries: [
                            {
                              key: key.kind === 'known' ? key.value : key.expression,
                              keyLocation: key.location,
                              ...(key.kind === 'symbolic' ? { keyValue: key } : {}),
                              value:
                                subValues.length === 1
                                  ? scalar(subValues[0]!)
                                  : { kind: 'array', location, items: subValues.map(scalar) },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
    ],
  }
  return readPolicyDocument(tree, origin).document
}

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

describe('mergeSameResources: the same Terraform resource from .tf and from a plan is one fact', () => {
  it('keeps the configuration locations and fills in what only the plan knows, values inside the trust policy included', () => {
    const configured = role('terraform', tf(10), {
      name: symbolic('${var.env}-orders', tf(11)),
      arn: symbolic('aws_iam_role.orders.arn', tf(10)),
      trustPolicy: trust(
        'aws_iam_role.orders',
        tf(14),
        [symbolic('var.subjects', tf(20))],
        symbolic(`\${local.issuer}:sub`, tf(19)),
      ),
      terraform: { root: 'infra', address: 'aws_iam_role.orders' },
    })
    const planned = role('terraform-plan', plan('infra/plan.json', 40), {
      name: known('prod-orders', plan('infra/plan.json', 52)),
      arn: known('arn:aws:iam::406214073512:role/prod-orders', plan('infra/plan.json', 47)),
      account: known('406214073512', plan('infra/plan.json', 47)),
      arnReferences: ['aws_iam_role.orders.arn'],
      trustPolicy: trust(
        'aws_iam_role.orders in infra/plan.json',
        plan('infra/plan.json', 48),
        [
          known('system:serviceaccount:prod:orders', plan('infra/plan.json', 48)),
          known('system:serviceaccount:prod:audit', plan('infra/plan.json', 48)),
        ],
        known(`${ISSUER}:sub`, plan('infra/plan.json', 48)),
      ),
      terraform: { root: 'infra', address: 'aws_iam_role.orders' },
    })
    const [merged, ...rest] = mergeSameResources(facts({ roles: [configured, planned] })).roles
    expect(rest).toEqual([])
    expect([
      where(merged!.name),
      where(merged!.arn),
      where(merged!.account),
      merged!.location.path,
      merged!.arnReferences.join(','),
    ]).toEqual([
      'prod-orders@infra/main.tf:11',
      'arn:aws:iam::406214073512:role/prod-orders@infra/main.tf:10',
      '406214073512@infra/plan.json:47',
      'infra/main.tf',
      'aws_iam_role.orders.arn',
    ])
    const entry = merged!.trustPolicy!.statements[0]!.condition!.entries[0]!
    expect([where(entry.key), ...entry.values.map(where)]).toEqual([
      `${ISSUER}:sub@infra/main.tf:19`,
      'system:serviceaccount:prod:orders@infra/main.tf:20',
      'system:serviceaccount:prod:audit@infra/main.tf:20',
    ])
  })

  it('makes one fact per plan when several plans (workspaces) describe one configuration', () => {
    const configured = role('terraform', tf(10), {
      name: symbolic('${var.env}-orders', tf(11)),
      terraform: { root: 'infra', address: 'aws_iam_role.orders' },
    })
    const staging = role('terraform-plan', plan('plans/staging.json', 3), {
      name: known('staging-orders', plan('plans/staging.json', 9)),
      terraform: { address: 'aws_iam_role.orders' },
    })
    const prod = role('terraform-plan', plan('plans/prod.json', 3), {
      name: known('prod-orders', plan('plans/prod.json', 9)),
      terraform: { address: 'aws_iam_role.orders' },
    })
    expect(
      mergeSameResources(facts({ roles: [configured, staging, prod] })).roles.map((merged) => where(merged.name)),
    ).toEqual(['staging-orders@infra/main.tf:11', 'prod-orders@infra/main.tf:11'])
  })

  it('keeps apart what differs in a value both know, what another root module defines, and what no single configuration fact matches', () => {
    const app = (root: string, name: string): Role =>
      role('terraform', tf(10), { name: known(name, tf(11)), terraform: { root, address: 'aws_iam_role.app' } })
    const planned = (root: string | undefined, name: string): Role =>
      role('terraform-plan', plan(`${root ?? 'plans'}/plan.json`, 3), {
        name: known(name, plan('p', 9)),
        terraform: root === undefined ? { address: 'aws_iam_role.app' } : { root, address: 'aws_iam_role.app' },
      })
    const count = (roles: Role[]): number => mergeSameResources(facts({ roles })).roles.length
    expect(count([app('infra', 'app'), planned('infra', 'app')])).toBe(1)
    expect(count([app('infra', 'app'), planned('infra', 'other-app')])).toBe(2)
    expect(count([app('infra/prod', 'app'), planned('infra/staging', 'app')])).toBe(2)
    expect(count([app('infra/prod', 'app'), planned(undefined, 'app')])).toBe(1)
    expect(count([app('infra/prod', 'app'), app('infra/staging', 'app'), planned(undefined, 'app')])).toBe(3)
    expect(count([app('infra/prod', 'app'), app('infra/staging', 'app'), planned('infra/staging', 'app')])).toBe(2)
  })

  it('matches by name when the addresses differ (a count the configuration did not expand), and never merges other sources', () => {
    const configured = role('terraform', tf(10), {
      name: known('app', tf(11)),
      path: known('/', tf(12)),
      terraform: { root: 'infra', address: 'aws_iam_role.this' },
    })
    const planned = role('terraform-plan', plan('infra/plan.json', 3), {
      name: known('app', plan('infra/plan.json', 9)),
      path: known('/', plan('infra/plan.json', 10)),
      terraform: { root: 'infra', address: 'aws_iam_role.this[0]' },
    })
    const json = role('iam-json', plan('iam/app-trust.json', 1), { name: known('app', plan('iam/app-trust.json', 1)) })
    const live = role('live', plan('live', 1), { name: known('app', plan('live', 1)) })
    expect(
      mergeSameResources(facts({ roles: [configured, planned, json, live] })).roles.map((merged) => merged.source),
    ).toEqual(['terraform', 'iam-json', 'live'])
  })

  it('merges a ServiceAccount: the annotation the configuration builds from a module output gets the ARN the plan knows, at the .tf line', () => {
    const annotation = (value: Value) => ({
      key: 'eks.amazonaws.com/role-arn',
      keyLocation: value.location,
      value,
      where: 'annotations' as const,
    })
    const configuredArn = symbolic('module.irsa.iam_role_arn', tf(30))
    const plannedArn = known('arn:aws:iam::406214073512:role/billing-api', plan('infra/plan.json', 77))
    const configured: ServiceAccount = {
      source: 'terraform',
      namespace: known('billing', tf(27)),
      name: known('billing-api', tf(26)),
      location: tf(26),
      annotations: [annotation(configuredArn)],
      roleArn: configuredArn,
      terraform: { root: 'infra', address: 'kubernetes_service_account_v1.billing' },
    }
    const planned: ServiceAccount = {
      source: 'terraform-plan',
      namespace: known('billing', plan('infra/plan.json', 80)),
      name: known('billing-api', plan('infra/plan.json', 79)),
      location: plan('infra/plan.json', 79),
      annotations: [annotation(plannedArn)],
      roleArn: plannedArn,
      terraform: { root: 'infra', address: 'kubernetes_service_account_v1.billing' },
    }
    const merged = mergeSameResources(facts({ serviceAccounts: [configured, planned] })).serviceAccounts
    expect(merged.map((sa) => [where(sa.roleArn), ...sa.annotations.map((entry) => where(entry.value))])).toEqual([
      [
        'arn:aws:iam::406214073512:role/billing-api@infra/main.tf:30',
        'arn:aws:iam::406214073512:role/billing-api@infra/main.tf:30',
      ],
    ])
  })
})
