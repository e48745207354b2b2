import { readFileSync } from 'node:fs'
import type { CheckResult } from '../../src/check.js'
import type { Location } from '../../src/model/location.js'
import type { Value } from '../../src/model/value.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fixture, linesOf, scan } from '../helpers.js'

const at = (location: Location | undefined): string =>
  location ? `${location.path}:${location.line}:${location.column}` : '-'
const text = (value: Value | undefined): string =>
  value === undefined ? '-' : value.kind === 'known' ? value.value : `\${${value.expression}}`
const valueAt = (value: Value | undefined): string =>
  value === undefined ? '-' : `${text(value)}@${at(value.location)}`

/** One line per fact, with every value and where the plan writes it. */
function describeFacts(result: CheckResult): string[] {
  const facts = result.graph.facts
  return [
    ...facts.roles.map((role) => {
      const trust = role.trustPolicy
      const trustText = trust
        ? `${at(trust.location)} statements=${trust.statements.length}${trust.symbolicStatements ? ` unknown=${trust.symbolicStatements.map(text).join(',')}` : ''}`
        : '-'
      return `${role.label} at=${at(role.location)} name=${valueAt(role.name)} path=${valueAt(role.path)} arn=${valueAt(role.arn)} account=${valueAt(role.account)} refs=${role.arnReferences.join(',')} trust=${trustText}`
    }),
    ...facts.serviceAccounts.map(
      (sa) =>
        `ServiceAccount ${valueAt(sa.namespace)} ${valueAt(sa.name)} at=${at(sa.location)} roleArn=${valueAt(sa.roleArn)} annotations=${sa.annotations.map((annotation) => `${annotation.key}@${at(annotation.keyLocation)}`).join(',')}`,
    ),
    ...facts.objects.map(
      (object) =>
        `object ${object.kind} ${text(object.namespace)}/${text(object.name)} at=${at(object.location)} ${object.annotations.map((annotation) => `${annotation.where}:${annotation.key}`).join(',')}`,
    ),
    ...facts.oidcProviders.map(
      (provider) =>
        `provider at=${at(provider.location)} arn=${valueAt(provider.arn)} url=${valueAt(provider.url)} clientIds=${provider.clientIds.map(valueAt).join(',')} refs=${provider.arnReferences.join(',')}`,
    ),
    ...facts.clusters.map(
      (cluster) =>
        `cluster at=${at(cluster.location)} name=${valueAt(cluster.name)} issuer=${valueAt(cluster.issuer)} region=${valueAt(cluster.region)} account=${valueAt(cluster.account)}`,
    ),
    ...facts.podIdentityAssociations.map(
      (association) =>
        `pod-identity at=${at(association.location)} cluster=${valueAt(association.cluster)} ${valueAt(association.namespace)}/${valueAt(association.serviceAccount)} roleArn=${valueAt(association.roleArn)}`,
    ),
  ]
}

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const BASIC_PLAN = fixture('terraform-plan', 'basic', 'infra', 'plan.json')

afterAll(removeTempRepos)

describe('Terraform plan JSON (terraform show -json)', () => {
  let basic: CheckResult
  beforeAll(async () => {
    basic = await scan(fixture('terraform-plan', 'basic'))
  })

  it('reads roles, ServiceAccounts, providers, clusters and Pod Identity associations of the root and child modules, each value at its plan line', () => {
    const plan = 'infra/plan.json'
    expect(describeFacts(basic)).toEqual([
      `role orders-reader (aws_iam_role.orders in ${plan}) at=${plan}:306:7 name=orders-reader@${plan}:321:11 path=/@${plan}:322:11 arn=\${aws_iam_role.orders.arn}@${plan}:306:7 account=406214073512@${plan}:619:15 refs= trust=${plan}:317:11 statements=1`,
      `role catalog (aws_iam_role.catalog in ${plan}) at=${plan}:341:7 name=catalog@${plan}:371:11 path=/team/@${plan}:373:11 arn=arn:aws:iam::406214073512:role/team/catalog@${plan}:365:11 account=406214073512@${plan}:365:11 refs=aws_iam_role.catalog.arn trust=${plan}:366:11 statements=1`,
      `role billing-api (module.irsa.aws_iam_role.this[0] in ${plan}) at=${plan}:407:7 name=billing-api@${plan}:423:11 path=/@${plan}:424:11 arn=\${module.irsa.aws_iam_role.this[0].arn}@${plan}:407:7 account=406214073512@${plan}:619:15 refs=module.irsa.iam_role_arn trust=${plan}:407:7 statements=0 unknown=\${module.irsa.aws_iam_role.this[0].assume_role_policy}`,
      `role monitoring-agent (aws_iam_role.agent in ${plan}) at=${plan}:444:7 name=monitoring-agent@${plan}:459:11 path=/@${plan}:460:11 arn=\${aws_iam_role.agent.arn}@${plan}:444:7 account=406214073512@${plan}:619:15 refs= trust=${plan}:455:11 statements=1`,
      `ServiceAccount prod@${plan}:502:15 orders@${plan}:501:15 at=${plan}:501:15 roleArn=arn:aws:iam::406214073512:role/orders-reader@${plan}:495:17 annotations=eks.amazonaws.com/role-arn@${plan}:495:17`,
      `ServiceAccount billing@${plan}:549:15 billing-api@${plan}:548:15 at=${plan}:548:15 roleArn=\${module.irsa.iam_role_arn}@${plan}:543:15 annotations=eks.amazonaws.com/role-arn@${plan}:543:15`,
      `object ServiceAccount prod/orders at=${plan}:501:15 annotations:eks.amazonaws.com/role-arn,labels:app.kubernetes.io/managed-by`,
      `object ServiceAccount billing/billing-api at=${plan}:548:15 annotations:eks.amazonaws.com/role-arn,labels:app.kubernetes.io/managed-by`,
      `provider at=${plan}:265:7 arn=arn:aws:iam::406214073512:oidc-provider/${ISSUER}@${plan}:288:11 url=${ISSUER}@${plan}:298:11 clientIds=sts.amazonaws.com@${plan}:290:13 refs=aws_iam_openid_connect_provider.eks.arn`,
      `cluster at=${plan}:216:7 name=prod@${plan}:255:11 issuer=https://${ISSUER}@${plan}:250:19 region=us-east-1@${plan}:243:11 account=406214073512@${plan}:243:11`,
      `pod-identity at=${plan}:577:7 cluster=prod@${plan}:588:11 monitoring@${plan}:589:11/agent@${plan}:590:11 roleArn=\${aws_iam_role.agent.arn}@${plan}:577:7`,
    ])
  })

  it('points every element of a trust policy read from the assume_role_policy string at that attribute', () => {
    const role = basic.graph.facts.roles.find((candidate) => candidate.label.startsWith('role orders-reader'))!
    const statement = role.trustPolicy!.statements[0]!
    const places = new Set(
      [
        statement.location,
        statement.effect!.location,
        statement.principal!.location,
        ...statement.condition!.entries.flatMap((entry) => [
          entry.keyLocation,
          ...entry.values.map((value) => value.location),
        ]),
      ].map(at),
    )
    expect([...places]).toEqual(['infra/plan.json:317:11'])
    expect(
      statement.condition!.entries.map(
        (entry) => `${entry.operator} ${text(entry.key)} ${entry.values.map(text).join(',')}`,
      ),
    ).toEqual([
      `StringEquals ${ISSUER}:aud sts.amazonaws.com`,
      `StringEquals ${ISSUER}:sub system:serviceaccount:prod:orders`,
    ])
  })

  it('leaves out resources the plan deletes', () => {
    expect(readFileSync(BASIC_PLAN, 'utf8')).toContain('"address": "aws_iam_role.legacy"')
    expect(basic.graph.facts.roles.some((role) => role.label.includes('legacy'))).toBe(false)
  })

  it('joins a ServiceAccount whose annotation is unknown until apply to the role behind the module output it references', () => {
    const billing = basic.graph.facts.serviceAccounts.find((sa) => text(sa.name) === 'billing-api')!
    expect(basic.graph.rolesOf(billing).map((link) => `${link.role.label} via ${link.via}`)).toEqual([
      'role billing-api (module.irsa.aws_iam_role.this[0] in infra/plan.json) via reference',
    ])
  })

  it('reports nothing on the plan but a role that trusts a ServiceAccount no source defines (the Pod Identity role trusts pods.eks.amazonaws.com)', () => {
    expect(linesOf(basic)).toEqual([
      `infra/plan.json:366:11: note: role catalog's trust allows ServiceAccount prod/catalog, which no scanned source defines; remove the subject if that ServiceAccount is gone, or include its manifest in the scan [role-trusts-unknown-service-account]`,
      `infra/plan.json:455:11: note: Role monitoring-agent's trust lets pods.eks.amazonaws.com assume the role in Statement[0] without a condition, so any Pod Identity association in the account (any cluster, namespace or ServiceAccount) can give the role to its pods; add a Condition on aws:RequestTag/eks-cluster-name, aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account naming the associations meant to use it [pod-identity-trust-open]`,
    ])
  })

  it('locates values in a minified plan, as terraform show -json writes it, by line 1 and column', async () => {
    const minified = JSON.stringify(JSON.parse(readFileSync(BASIC_PLAN, 'utf8')))
    const result = await scan(tempRepo({ 'infra/plan.json': minified }))
    const changes = minified.indexOf('"resource_changes"')
    const orders = minified.indexOf('"address":"aws_iam_role.orders"', changes)
    const column = (key: string, from: number): string => `infra/plan.json:1:${minified.indexOf(key, from) + 1}`
    const role = result.graph.facts.roles.find((candidate) => candidate.label.startsWith('role orders-reader'))!
    expect(at(role.location)).toBe(column('"address":"aws_iam_role.orders"', changes))
    expect(at(role.trustPolicy!.location)).toBe(column('"assume_role_policy"', orders))
    expect(at(role.name!.location)).toBe(column('"name":"orders-reader"', orders))
    const billing = result.graph.facts.serviceAccounts.find((sa) => text(sa.name) === 'billing-api')!
    expect(at(billing.name.location)).toBe(
      column('"name":"billing-api"', minified.indexOf('"address":"kubernetes_service_account_v1.billing"', changes)),
    )
    expect(describeFacts(result).length).toBe(describeFacts(basic).length)
  })

  it('takes the account of roles the plan creates from the one account it names, unless several aws providers may be in several accounts', async () => {
    const plan = JSON.parse(readFileSync(BASIC_PLAN, 'utf8'))
    plan.configuration.provider_config['aws.shared'] = {
      name: 'aws',
      full_name: 'registry.terraform.io/hashicorp/aws',
      alias: 'shared',
    }
    const result = await scan(tempRepo({ 'plan.json': JSON.stringify(plan, null, 2) }))
    const accounts = result.graph.facts.roles.map((role) => `${role.label}: ${text(role.account)}`)
    expect(accounts).toEqual([
      'role orders-reader (aws_iam_role.orders in plan.json): -',
      'role catalog (aws_iam_role.catalog in plan.json): 406214073512',
      'role billing-api (module.irsa.aws_iam_role.this[0] in plan.json): -',
      'role monitoring-agent (aws_iam_role.agent in plan.json): -',
    ])
  })

  it('reports an assume_role_policy that is not JSON at the attribute, and reads the rest', async () => {
    const plan = JSON.parse(readFileSync(BASIC_PLAN, 'utf8'))
    const change = plan.resource_changes.find((entry: { address: string }) => entry.address === 'aws_iam_role.orders')
    change.change.after.assume_role_policy = '{"Version": "2012-10-17", "Statement": [}'
    const result = await scan(tempRepo({ 'infra/plan.json': JSON.stringify(plan, null, 2) }))
    expect(linesOf(result, 'trust-policy-invalid')).toEqual([
      `infra/plan.json:317:11: error: The assume_role_policy of aws_iam_role.orders in infra/plan.json cannot be read: the JSON in the string is invalid: expected a JSON value, found character "}"; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy" [trust-policy-invalid]`,
    ])
    expect(result.graph.facts.roles.map((role) => `${role.label} ${role.trustPolicy ? 'trust' : 'no trust'}`)).toEqual([
      'role orders-reader (aws_iam_role.orders in infra/plan.json) no trust',
      'role catalog (aws_iam_role.catalog in infra/plan.json) trust',
      'role billing-api (module.irsa.aws_iam_role.this[0] in infra/plan.json) trust',
      'role monitoring-agent (aws_iam_role.agent in infra/plan.json) trust',
    ])
  })

  it('reports a plan that does not parse, or of a format it cannot read, with the line, and goes on', async () => {
    const result = await scan(fixture('terraform-plan', 'broken'))
    expect(linesOf(result, 'parse-error')).toEqual([
      'plans/future-plan.json:2:3: warning: plans/future-plan.json is a Terraform plan in JSON format 2.0, which irsa-guard cannot read (it reads formats 0.x and 1.x); nothing in it was checked [parse-error]',
      `plans/truncated-plan.json:10:11: warning: Cannot parse the Terraform plan plans/truncated-plan.json as JSON: expected "," or "}" after the value of "type", found character "\\""; nothing in it was checked [parse-error]`,
    ])
    expect(result.graph.facts.roles).toEqual([])
  })

  it('reads a plan of several megabytes (over the default file limit: plans have their own), minified or pretty-printed, and finds its roles among thousands of other resources', async () => {
    const plan = largePlan(400, 6000)
    for (const textOfPlan of [JSON.stringify(plan), JSON.stringify(plan, null, 2)]) {
      expect(textOfPlan.length).toBeGreaterThan(5_000_000)
      const result = await scan(tempRepo({ 'plan.json': textOfPlan }))
      const roles = result.graph.facts.roles
      expect(roles.length).toBe(400)
      const last = roles[roles.length - 1]!
      expect(text(last.name)).toBe('app-399')
      const keyOffset = textOfPlan.indexOf(
        '"assume_role_policy"',
        textOfPlan.indexOf('aws_iam_role.app[399]', textOfPlan.indexOf('"resource_changes"')),
      )
      const lineStart = textOfPlan.lastIndexOf('\n', keyOffset) + 1
      expect(at(last.trustPolicy!.location)).toBe(
        `plan.json:${textOfPlan.slice(0, keyOffset).split('\n').length}:${keyOffset - lineStart + 1}`,
      )
      expect(linesOf(result).filter((finding) => !finding.includes('[role-trusts-unknown-service-account]'))).toEqual(
        [],
      )
    }
  })
})

/** A plan of `roles` roles (count = roles) and `others` unrelated resources with bulky attributes. */
function largePlan(roles: number, others: number): unknown {
  const trust = (index: number): string =>
    JSON.stringify({
      Statement: [
        {
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${ISSUER}:aud`]: 'sts.amazonaws.com',
              [`${ISSUER}:sub`]: `system:serviceaccount:apps:app-${index}`,
            },
          },
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::406214073512:oidc-provider/${ISSUER}` },
        },
      ],
      Version: '2012-10-17',
    })
  const roleValues = (index: number) => ({ assume_role_policy: trust(index), name: `app-${index}`, path: '/' })
  const otherValues = (index: number) => ({
    bucket: `logs-${index}`,
    tags: { team: 'platform', service: `service-${index % 50}`, description: 'x'.repeat(200) },
    policy: JSON.stringify({
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::logs-${index}/*`, Principal: { AWS: '*' } },
      ],
    }),
  })
  const entry = (address: string, type: string, name: string, index: number, values: object) => ({
    address,
    mode: 'managed',
    type,
    name,
    index,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values,
  })
  const change = (address: string, type: string, name: string, index: number, values: object) => ({
    address,
    mode: 'managed',
    type,
    name,
    index,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['create'],
      before: null,
      after: values,
      after_unknown: { arn: true, id: true },
      before_sensitive: false,
      after_sensitive: {},
    },
  })
  const all = [
    ...Array.from({ length: others }, (_, index) => ({
      address: `aws_s3_bucket.logs[${index}]`,
      type: 'aws_s3_bucket',
      name: 'logs',
      index,
      values: otherValues(index),
    })),
    ...Array.from({ length: roles }, (_, index) => ({
      address: `aws_iam_role.app[${index}]`,
      type: 'aws_iam_role',
      name: 'app',
      index,
      values: roleValues(index),
    })),
  ]
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: { resources: all.map((item) => entry(item.address, item.type, item.name, item.index, item.values)) },
    },
    resource_changes: all.map((item) => change(item.address, item.type, item.name, item.index, item.values)),
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } },
      root_module: {},
    },
  }
}
