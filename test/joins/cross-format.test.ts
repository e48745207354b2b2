import { check, type CheckResult } from '../../src/check.js'
import { defaultConfig } from '../../src/config.js'
import { knownString } from '../../src/model/value.js'
import { fixture, linesOf, scan } from '../helpers.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

/** Each ServiceAccount with the roles its annotation joins, and how. */
function links(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map((sa) => {
    const roles = result.graph.rolesOf(sa).map((link) => `${link.role.label} by ${link.via}`)
    return `${knownString(sa.namespace)}/${knownString(sa.name)} (${sa.source}) -> ${roles.join(', ') || 'nothing'}`
  })
}

function run(...parts: string[]): Promise<CheckResult> {
  return scan(fixture('joins', ...parts))
}

describe('a ServiceAccount in YAML, its role in a Terraform plan', () => {
  it('joins by ARN when the plan knows it, by account, path and name when the plan creates the role', async () => {
    expect(links(await run('yaml-sa-plan-role', 'silent'))).toEqual([
      'prod/orders (kubernetes) -> role orders-reader (aws_iam_role.orders in infra/plan.json) by name',
      'prod/reports (kubernetes) -> role reports-reader (aws_iam_role.reports in infra/plan.json) by name',
      'prod/billing (kubernetes) -> role billing-api (aws_iam_role.billing in infra/plan.json) by name',
      'prod/catalog (kubernetes) -> role catalog (aws_iam_role.catalog in infra/plan.json) by arn',
    ])
  })

  it('reports the refused token on the plan line of assume_role_policy, a missing path, and the account the plan puts the role in', async () => {
    const result = await run('yaml-sa-plan-role', 'fires')
    expect(links(result)).toEqual([
      'prod/orders (kubernetes) -> role orders-reader (aws_iam_role.orders in infra/plan.json) by name',
      'prod/reports (kubernetes) -> nothing',
      'prod/billing (kubernetes) -> nothing',
      'prod/catalog (kubernetes) -> role catalog (aws_iam_role.catalog in infra/plan.json) by arn',
    ])
    expect(linesOf(result)).toEqual([
      `infra/plan.json:241:11: error: ServiceAccount prod/orders (k8s/service-accounts.yaml:7) would be refused by role orders-reader's trust (infra/plan.json:241): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:orders"; change the sub value to "system:serviceaccount:prod:orders" or move the ServiceAccount to namespace default [trust-denies-service-account]`,
      `k8s/service-accounts.yaml:23:33: error: ServiceAccount prod/billing (k8s/service-accounts.yaml:23) names role billing-api in account 731842906150, but the scanned sources define that role in account 406214073512 (infra/plan.json:300); change the annotation to "arn:aws:iam::406214073512:role/billing-api", or define the role in account 731842906150 [role-account-mismatch]`,
      `k8s/service-accounts.yaml:15:33: warning: ServiceAccount prod/reports (k8s/service-accounts.yaml:15) names role "reports-reader" without a path, but role reports-reader (infra/plan.json:265) has path "/team/", so the annotated ARN does not exist; change the annotation to "arn:aws:iam::406214073512:role/team/reports-reader" [role-not-found]`,
    ])
  })

  it('is silent on the correct set-up', async () => {
    expect(linesOf(await run('yaml-sa-plan-role', 'silent'))).toEqual([])
  })
})

describe('a ServiceAccount in a Terraform plan, its role in a trust-policy JSON file', () => {
  it('joins the literal annotation to the trust file named after the role, and reports the refused token on the trust line', async () => {
    const result = await run('plan-sa-json-trust', 'fires')
    expect(links(result)).toEqual(['billing/ledger (terraform-plan) -> role ledger (iam/ledger-trust.json) by name'])
    expect(linesOf(result)).toEqual([
      `iam/ledger-trust.json:12:87: error: ServiceAccount billing/ledger (infra/plan.json:56) would be refused by role ledger's trust (iam/ledger-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:billing:ledger-api", not "system:serviceaccount:billing:ledger"; change the sub value to "system:serviceaccount:billing:ledger" or rename the ServiceAccount to ledger-api [trust-denies-service-account]`,
    ])
  })

  it('is silent when the trust names that ServiceAccount', async () => {
    const result = await run('plan-sa-json-trust', 'silent')
    expect(links(result)).toEqual(['billing/ledger (terraform-plan) -> role ledger (iam/ledger-trust.json) by name'])
    expect(linesOf(result)).toEqual([])
  })
})

describe('a ServiceAccount in Terraform (.tf), its role in a trust-policy JSON file', () => {
  it('joins the annotation the configuration builds to the trust file named after the role', async () => {
    const result = await run('hcl-sa-json-trust', 'fires')
    expect(links(result)).toEqual(['billing/ledger (terraform) -> role ledger (iam/ledger-trust.json) by name'])
    expect(linesOf(result)).toEqual([
      `iam/ledger-trust.json:12:87: error: ServiceAccount billing/ledger (infra/service-accounts.tf:10) would be refused by role ledger's trust (iam/ledger-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:billing:ledger-api", not "system:serviceaccount:billing:ledger"; change the sub value to "system:serviceaccount:billing:ledger" or rename the ServiceAccount to ledger-api [trust-denies-service-account]`,
    ])
  })

  it('is silent when the trust names that ServiceAccount', async () => {
    expect(linesOf(await run('hcl-sa-json-trust', 'silent'))).toEqual([])
  })
})

describe('a ServiceAccount in YAML, its role in IAM JSON (aws iam get-role output)', () => {
  it('joins by ARN and reports the refused token on the trust line', async () => {
    const result = await run('yaml-sa-json-role', 'fires')
    expect(links(result)).toEqual([
      'payments/api (kubernetes) -> role payments-api (iam/roles/payments-api.json) by arn',
    ])
    expect(linesOf(result)).toEqual([
      `iam/roles/payments-api.json:19:91: error: ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api's trust (iam/roles/payments-api.json:19): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:payments:api-v1", not "system:serviceaccount:payments:api"; change the sub value to "system:serviceaccount:payments:api" or rename the ServiceAccount to api-v1 [trust-denies-service-account]`,
    ])
  })

  it('is silent on the correct set-up', async () => {
    expect(linesOf(await run('yaml-sa-json-role', 'silent'))).toEqual([])
  })
})

describe('values a plan knows only after apply', () => {
  it('join by the reference they come from or by name, and never produce a finding', async () => {
    const result = await run('symbolic')
    expect(links(result)).toEqual([
      'payments/payments-worker (kubernetes) -> role payments (module.irsa.aws_iam_role.this[0] in infra/plan.json) by name',
      'payments/payments (terraform-plan) -> role payments (module.irsa.aws_iam_role.this[0] in infra/plan.json) by reference',
    ])
    const facts = result.graph.facts
    expect(facts.roles.map((role) => [role.arn?.kind, role.trustPolicy?.symbolicStatements?.length])).toEqual([
      ['symbolic', 1],
    ])
    expect(facts.clusters.map((cluster) => cluster.issuer)).toEqual([
      expect.objectContaining({ kind: 'symbolic', expression: 'aws_eks_cluster.main.identity[0].oidc[0].issuer' }),
    ])
    expect(facts.oidcProviders.map((provider) => [provider.arn?.kind, provider.url?.kind])).toEqual([
      ['symbolic', 'symbolic'],
    ])
    expect(facts.podIdentityAssociations.map((association) => association.roleArn)).toEqual([
      expect.objectContaining({ kind: 'symbolic', expression: 'module.irsa.iam_role_arn' }),
    ])
    expect(linesOf(result)).toEqual([])
  })
})

describe('the same role in the configuration (.tf) and in a plan of it', () => {
  const root = fixture('joins', 'described-twice')

  it('from the configuration alone: the role joined by name, the finding on the .tf line, the issuer not known', async () => {
    const result = await check({ root, config: { ...defaultConfig(), include: ['infra/main.tf', 'k8s/**'] } })
    expect(links(result)).toEqual(['prod/orders (kubernetes) -> aws_iam_role.orders by name'])
    expect(linesOf(result, 'trust-denies-service-account')).toEqual([
      `infra/main.tf:26:35: error: ServiceAccount prod/orders (k8s/orders.yaml:7) would be refused by role orders-reader's trust (infra/main.tf:26): StringEquals on "\${replace(data.aws_eks_cluster.main.identity[0].oidc[0].issuer, "https://", "")}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:orders"; change the sub value to "system:serviceaccount:prod:orders" or move the ServiceAccount to namespace default [trust-denies-service-account]`,
    ])
  })

  it('from the plan alone: one role, the finding on the plan line', async () => {
    const result = await check({ root, config: { ...defaultConfig(), include: ['infra/plan.json', 'k8s/**'] } })
    expect(result.graph.facts.roles.map((role) => `${role.label} ${role.source}`)).toEqual([
      'role orders-reader (aws_iam_role.orders in infra/plan.json) terraform-plan',
    ])
    expect(linesOf(result, 'trust-denies-service-account')).toEqual([
      `infra/plan.json:42:11: error: ServiceAccount prod/orders (k8s/orders.yaml:7) would be refused by role orders-reader's trust (infra/plan.json:42): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:orders"; change the sub value to "system:serviceaccount:prod:orders" or move the ServiceAccount to namespace default [trust-denies-service-account]`,
    ])
  })

  it('with the configuration: one role at the .tf lines, with the values only the plan knows (provider ARN, issuer keys, account), and one finding on the line to change', async () => {
    const result = await check({ root })
    const roles = result.graph.facts.roles
    expect(
      roles.map((role) => `${knownString(role.name)} ${role.source} at ${role.location.path}:${role.location.line}`),
    ).toEqual(['orders-reader terraform at infra/main.tf:15'])
    const [role] = roles
    expect(knownString(role!.account)).toBe('406214073512')
    const statement = role!.trustPolicy!.statements[0]!
    const federated = statement.principal!.entries[0]!.values[0]!
    expect(`${knownString(federated)} at ${federated.location.path}:${federated.location.line}`).toBe(
      `arn:aws:iam::406214073512:oidc-provider/${ISSUER} at infra/main.tf:22`,
    )
    expect(linesOf(result).filter((line) => line.includes('error') || line.includes('warning'))).toEqual([
      `infra/main.tf:26:35: error: ServiceAccount prod/orders (k8s/orders.yaml:7) would be refused by role orders-reader's trust (infra/main.tf:26): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:orders"; change the sub value to "system:serviceaccount:prod:orders" or move the ServiceAccount to namespace default [trust-denies-service-account]`,
    ])
  })
})
