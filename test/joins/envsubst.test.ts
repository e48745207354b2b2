import type { CheckResult } from '../../src/check.js'
import { knownString } from '../../src/model/value.js'
import { fixture, linesOf, scan } from '../helpers.js'

/** Each ServiceAccount, where its annotation is written, with the roles it joins. */
function links(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map((sa) => {
    const roles = result.graph
      .rolesOf(sa)
      .map((link) => `${link.role.label} (${link.role.location.path}) by ${link.via}`)
    return `${knownString(sa.namespace)}/${knownString(sa.name)} in ${sa.roleArn?.location.path ?? '?'} -> ${roles.join(', ') || 'nothing'}`
  })
}

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

function run(...parts: string[]): Promise<CheckResult> {
  return scan(fixture('joins', 'envsubst', ...parts))
}

describe('an envsubst ${NAME} role ARN filled by a Terraform output', () => {
  it("joins the entry of the lab's map of environment variables, and reports the trust that refuses the ServiceAccount", async () => {
    const result = await run('fires')
    expect(links(result)).toEqual([
      'carts/carts in labs/irsa/app/service-account.yaml -> aws_iam_role.carts (labs/irsa/.workshop/terraform/main.tf) by reference',
    ])
    expect(linesOf(result)).toEqual([
      `labs/irsa/.workshop/terraform/main.tf:11:88: error: ServiceAccount carts/carts (labs/irsa/app/service-account.yaml:7) would be refused by aws_iam_role.carts's trust (labs/irsa/.workshop/terraform/main.tf:11): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:carts:cart", not "system:serviceaccount:carts:carts"; change the sub value to "system:serviceaccount:carts:carts" or rename the ServiceAccount to cart [trust-denies-service-account]`,
    ])
    expect(result.coverage).toEqual({ verified: 1, total: 1, unresolved: [] })
  })

  it('joins an output of the same name, case aside, and counts the chain as verified', async () => {
    const result = await run('silent')
    expect(links(result)).toEqual([
      'carts/carts in labs/irsa/app/service-account.yaml -> aws_iam_role.carts (labs/irsa/.workshop/terraform/main.tf) by reference',
    ])
    expect(linesOf(result)).toEqual([])
    expect(result.coverage).toEqual({ verified: 1, total: 1, unresolved: [] })
  })

  it("joins each lab's manifest to its own lab's output only; a manifest outside both labs stays unresolved", async () => {
    const result = await run('two-labs')
    expect(links(result)).toEqual([
      'carts/carts in labs/ack/app/service-account.yaml -> aws_iam_role.carts (labs/ack/.workshop/terraform/main.tf) by reference',
      'carts/carts in labs/crossplane/app/service-account.yaml -> aws_iam_role.carts (labs/crossplane/.workshop/terraform/main.tf) by reference',
      'carts/carts in shared/service-account.yaml -> nothing',
    ])
    expect(linesOf(result)).toEqual([
      `labs/crossplane/.workshop/terraform/main.tf:11:88: error: ServiceAccount carts/carts (labs/crossplane/app/service-account.yaml:7) would be refused by aws_iam_role.carts's trust (labs/crossplane/.workshop/terraform/main.tf:11): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:carts:carts-crossplane", not "system:serviceaccount:carts:carts"; change the sub value to "system:serviceaccount:carts:carts" or rename the ServiceAccount to carts-crossplane [trust-denies-service-account]`,
    ])
    expect(result.coverage).toEqual({
      verified: 2,
      total: 3,
      unresolved: [
        {
          kind: 'service-account',
          location: { path: 'shared/service-account.yaml', line: 7, column: 33 },
          serviceAccount: 'carts/carts',
          role: '${CARTS_IAM_ROLE}',
          reason: 'deploy-time-value',
          detail:
            '${CARTS_IAM_ROLE}: 2 values could fill it and none is tied to this manifest (output "environment_variables" in labs/ack/.workshop/terraform; output "environment_variables" in labs/crossplane/.workshop/terraform)',
        },
      ],
    })
  })
})

describe('an envsubst ${NAME} role ARN and the only output of that name', () => {
  it("joins the repository's only output of the name although its directory does not hold the manifest", async () => {
    const result = await run('only-output')
    expect(links(result)).toEqual([
      'carts/carts in deploy/carts.yaml -> aws_iam_role.carts (services/carts/terraform/main.tf) by reference',
    ])
    expect(linesOf(result)).toEqual([])
    expect(result.coverage).toEqual({ verified: 1, total: 1, unresolved: [] })
  })
})

describe('an envsubst ${NAME} role ARN filled by a script', () => {
  it('takes the literal the script exports before it runs envsubst on the file; a variable it does not export, and another file, stay unknown', async () => {
    const result = await run('script')
    expect(links(result)).toEqual([
      'carts/carts in deploy/carts-sa.yaml -> aws_iam_role.carts (infra/main.tf) by name',
      'carts/reports in deploy/carts-sa.yaml -> nothing',
      'orders/orders in other/orders-sa.yaml -> nothing',
    ])
    expect(linesOf(result)).toEqual([
      `infra/main.tf:11:88: error: ServiceAccount carts/carts (deploy/carts-sa.yaml:7) would be refused by role carts-reader's trust (infra/main.tf:11): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:carts:carts-api", not "system:serviceaccount:carts:carts"; change the sub value to "system:serviceaccount:carts:carts" or rename the ServiceAccount to carts-api [trust-denies-service-account]`,
    ])
    expect(result.coverage).toEqual({
      verified: 1,
      total: 3,
      unresolved: [
        {
          kind: 'service-account',
          location: { path: 'deploy/carts-sa.yaml', line: 15, column: 33 },
          serviceAccount: 'carts/reports',
          role: '${UNEXPORTED_ROLE}',
          reason: 'deploy-time-value',
          detail: '${UNEXPORTED_ROLE}',
        },
        {
          kind: 'service-account',
          location: { path: 'other/orders-sa.yaml', line: 7, column: 33 },
          serviceAccount: 'orders/orders',
          role: '${CARTS_IAM_ROLE}',
          reason: 'deploy-time-value',
          detail: '${CARTS_IAM_ROLE}',
        },
      ],
    })
  })
})
