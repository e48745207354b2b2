import { tempRepo, removeTempRepos } from '../discover/temp-repo.js'
import { linesOf, scan } from '../helpers.js'

// The typo searches behind "did you mean", on repositories written for each case.

const home = '406214073512'
const provider = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

function roleFile(account: string, name: string): string {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${provider}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${provider}:sub`]: `system:serviceaccount:apps:${name.toLowerCase()}`,
            [`${provider}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  }
  return `${JSON.stringify({ Role: { Path: '/', RoleName: name, Arn: `arn:aws:iam::${account}:role/${name}`, AssumeRolePolicyDocument: trust } }, null, 2)}\n`
}

function serviceAccount(namespace: string, name: string, roleArn?: string): string {
  const annotations = roleArn ? `  annotations:\n    eks.amazonaws.com/role-arn: ${roleArn}\n` : ''
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n${annotations}`
}

function deployment(namespace: string, name: string, serviceAccountName: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      serviceAccountName: ${serviceAccountName}\n      containers:\n        - name: app\n          image: app:1\n`
}

afterAll(removeTempRepos)

describe('role-not-found suggestions', () => {
  it('suggests the three nearest role names of the account: by distance, then by name; none further than a third of the name', async () => {
    const names = [
      'payments-readers',
      'Payment-Reader',
      'payments-raeder',
      'payments-rader',
      'payments-re',
      'payments-reader-old-x',
      'ledger-reader',
      'payments-writer',
      'orders-api',
      'orders-apis',
    ]
    const files: Record<string, string> = Object.fromEntries(
      names.map((name) => [`iam/${name}.json`, roleFile(home, name)]),
    )
    // One edit away, but in another account: neither suggested nor counted.
    files['iam/other-account.json'] = roleFile('731843002219', 'payments-reade')
    files['k8s/service-accounts.yaml'] = [
      serviceAccount('prod', 'payments', `arn:aws:iam::${home}:role/payments-reader`),
      serviceAccount('prod', 'payments-batch', `arn:aws:iam::${home}:role/payments-reader`),
      serviceAccount('prod', 'orders', `arn:aws:iam::${home}:role/order-apl`),
      serviceAccount('prod', 'search', `arn:aws:iam::${home}:role/search-indexer`),
    ].join('---\n')
    const nearest =
      'did you mean "Payment-Reader" (iam/Payment-Reader.json:2) or "payments-rader" (iam/payments-rader.json:2) or "payments-readers" (iam/payments-readers.json:2)?'
    expect(linesOf(await scan(tempRepo(files)), 'role-not-found')).toEqual([
      `k8s/service-accounts.yaml:7:33: warning: ServiceAccount prod/payments (k8s/service-accounts.yaml:7) names role "payments-reader", which no scanned source defines (they define 10 roles); ${nearest} correct the annotation or add the role's definition to the scan [role-not-found]`,
      `k8s/service-accounts.yaml:15:33: warning: ServiceAccount prod/payments-batch (k8s/service-accounts.yaml:15) names role "payments-reader", which no scanned source defines (they define 10 roles); ${nearest} correct the annotation or add the role's definition to the scan [role-not-found]`,
      `k8s/service-accounts.yaml:23:33: warning: ServiceAccount prod/orders (k8s/service-accounts.yaml:23) names role "order-apl", which no scanned source defines (they define 10 roles); did you mean "orders-api" (iam/orders-api.json:2) or "orders-apis" (iam/orders-apis.json:2)? correct the annotation or add the role's definition to the scan [role-not-found]`,
      `k8s/service-accounts.yaml:31:33: warning: ServiceAccount prod/search (k8s/service-accounts.yaml:31) names role "search-indexer", which no scanned source defines (they define 10 roles); correct the annotation or add the role's definition to the scan [role-not-found]`,
    ])
  })
})

describe('role-not-found suggestions among many roles', () => {
  it('keeps the three nearest of names sharing prefixes: by distance, then name, then scan order, whatever their length', async () => {
    // Names that share most of their letters, several at the same distance, two differing only in case.
    const names = [
      'core-api-1207',
      'core-api-1270',
      'core-api-127',
      'Core-Api-12',
      'core-api-12',
      'core-api-1',
      'edge-api-12',
      'core-apis-12',
      'core-api-912',
    ]
    const files: Record<string, string> = Object.fromEntries(
      names.map((name, index) => [`iam/${String(index).padStart(2, '0')}-${name}.json`, roleFile(home, name)]),
    )
    files['k8s/service-accounts.yaml'] = [
      serviceAccount('prod', 'twelve', `arn:aws:iam::${home}:role/core-api-122`),
      serviceAccount('prod', 'edge', `arn:aws:iam::${home}:role/edge-ap-12`),
    ].join('---\n')
    const lines = linesOf(await scan(tempRepo(files)), 'role-not-found')
    expect(lines.map((line) => /did you mean (.*)\? correct/.exec(line)?.[1])).toEqual([
      '"core-api-12" (iam/04-core-api-12.json:2) or "Core-Api-12" (iam/03-Core-Api-12.json:2) or "core-api-127" (iam/02-core-api-127.json:2)',
      // "core-api-12" is four edits away, over a third of the name.
      '"edge-api-12" (iam/06-edge-api-12.json:2)',
    ])
  })
})

describe('role-not-found suggestions that tie on distance', () => {
  it('keeps the first in name order, where punctuation comes before digits and letters and lower case before capitals, whatever the scan order', async () => {
    // Scanned in the reverse of name order; every one is one edit from "app+1a" and two from "app-1" but two of them.
    const names = ['appa1a', 'app11a', 'app=1a', 'app@1a', 'app.1a', 'app,1a', 'App-1A', 'app-1a', 'app_1a']
    const files: Record<string, string> = Object.fromEntries(
      names.map((name, index) => [`iam/${String(index).padStart(2, '0')}.json`, roleFile(home, name)]),
    )
    files['k8s/service-accounts.yaml'] = [
      serviceAccount('prod', 'plus', `arn:aws:iam::${home}:role/app+1a`),
      serviceAccount('prod', 'short', `arn:aws:iam::${home}:role/app-1`),
    ].join('---\n')
    const lines = linesOf(await scan(tempRepo(files)), 'role-not-found')
    expect(lines.map((line) => /did you mean (.*)\? correct/.exec(line)?.[1])).toEqual([
      '"app_1a" (iam/08.json:2) or "app-1a" (iam/07.json:2) or "App-1A" (iam/06.json:2)',
      '"app-1a" (iam/07.json:2) or "App-1A" (iam/06.json:2) or "app_1a" (iam/08.json:2)',
    ])
  })
})

describe('role-not-found suggestions across accounts and deploy units', () => {
  function terraformRole(resource: string, name: string): string {
    const trust = `{ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::${home}:oidc-provider/${provider}" }, Action = "sts:AssumeRoleWithWebIdentity" }] }`
    return `resource "aws_iam_role" "${resource}" {\n  name = "${name}"\n  assume_role_policy = jsonencode(${trust})\n}\n`
  }

  function roleFileWithoutArn(name: string): string {
    const role = JSON.parse(roleFile(home, name)) as { Role: Record<string, unknown> }
    delete role.Role['Arn']
    return `${JSON.stringify(role, null, 2)}\n`
  }

  it('ranks roles of a stated account and of none, of the unit and of no unit, as one list: by distance, then name, then scan order', async () => {
    const annotation = `arn:aws:iam::${home}:role/core-api-122`
    const root = tempRepo({
      // No unit; the first with no account stated (no ARN), the second in the annotation's account.
      'iam/a.json': roleFileWithoutArn('core-api-12'),
      'iam/b.json': roleFile(home, 'core-api-123'),
      // No account stated, unit "terraform infra" (scanned before the IAM JSON files).
      'infra/roles.tf':
        terraformRole('r1', 'core-api-12') +
        terraformRole('r2', 'Core-Api-121') +
        terraformRole('r3', 'core-api-1') +
        `resource "kubernetes_service_account" "app" {\n  metadata {\n    name      = "app"\n    namespace = "apps"\n    annotations = {\n      "eks.amazonaws.com/role-arn" = "${annotation}"\n    }\n  }\n}\n`,
      // Another unit: out of reach of the ServiceAccount of unit infra, not of a plain manifest.
      'other/roles.tf': terraformRole('o1', 'core-api-12') + terraformRole('o2', 'core-api-120'),
      'k8s/sa.yaml': serviceAccount('apps', 'plain', annotation),
    })
    const tail = "correct the annotation or add the role's definition to the scan [role-not-found]"
    expect(linesOf(await scan(root), 'role-not-found')).toEqual([
      `infra/roles.tf:18:38: warning: ServiceAccount apps/app (infra/roles.tf:18) names role "core-api-122", which no scanned source defines (they define 5 roles); did you mean "core-api-12" (infra/roles.tf:1) or "core-api-12" (iam/a.json:2) or "Core-Api-121" (infra/roles.tf:5)? ${tail}`,
      `k8s/sa.yaml:7:33: warning: ServiceAccount apps/plain (k8s/sa.yaml:7) names role "core-api-122", which no scanned source defines (they define 7 roles); did you mean "core-api-12" (infra/roles.tf:1) or "core-api-12" (other/roles.tf:1) or "core-api-12" (iam/a.json:2)? ${tail}`,
    ])
  })
})

describe('trust-denies-service-account: the role that accepts the ServiceAccount instead', () => {
  function trustFor(name: string, operator: string, subject: string): string {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${home}:oidc-provider/${provider}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { [operator]: { [`${provider}:sub`]: subject, [`${provider}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    }
    return `${JSON.stringify({ Role: { Path: '/', RoleName: name, Arn: `arn:aws:iam::${home}:role/${name}`, AssumeRolePolicyDocument: trust } }, null, 2)}\n`
  }

  it('finds it by its literal subject, by a wildcard subject, and for a name shorter than three letters', async () => {
    const root = tempRepo({
      'iam/a-orders.json': trustFor('orders', 'StringEquals', 'system:serviceaccount:shop:orders'),
      'iam/b-billing.json': trustFor('billing', 'StringEquals', 'system:serviceaccount:shop:billing'),
      'iam/c-ui.json': trustFor('ui', 'StringEquals', 'system:serviceaccount:web:ui'),
      'iam/d-reports.json': trustFor('reports', 'StringLike', 'system:serviceaccount:reports:report-*'),
      'k8s/service-accounts.yaml': [
        serviceAccount('shop', 'billing', `arn:aws:iam::${home}:role/orders`),
        serviceAccount('web', 'ui', `arn:aws:iam::${home}:role/billing`),
        serviceAccount('reports', 'report-daily', `arn:aws:iam::${home}:role/ui`),
        serviceAccount('shop', 'refunds', `arn:aws:iam::${home}:role/orders`),
      ].join('---\n'),
    })
    const lines = linesOf(await scan(root), 'trust-denies-service-account')
    // In location order: shop/refunds (no role accepts it), shop/billing, web/ui, reports/report-daily.
    expect(lines.map((line) => /; (\S+ \S+ \S+ \([^)]*\)) accepts it/.exec(line)?.[1] ?? 'none')).toEqual([
      'none',
      "role billing's trust (iam/b-billing.json:6)",
      "role ui's trust (iam/c-ui.json:6)",
      "role reports's trust (iam/d-reports.json:6)",
    ])
  })
})

describe('workload-service-account-missing suggestions', () => {
  it('suggests a ServiceAccount of the namespace whose name adds or drops a "-" part, or is two edits away', async () => {
    const root = tempRepo({
      'k8s/shop/service-accounts.yaml': [
        serviceAccount('shop', 'orders-v2'),
        serviceAccount('shop', 'billing-api'),
        serviceAccount('shop', 'ledger'),
      ].join('---\n'),
      'k8s/shop/deployments.yaml': [
        deployment('shop', 'orders', 'orders'),
        deployment('shop', 'billing', 'api'),
        deployment('shop', 'ledger', 'ledger-worker'),
        deployment('shop', 'stock', 'stockroom'),
        deployment('shop', 'refunds', 'ledgr'),
      ].join('---\n'),
    })
    const id = 'workload-service-account-missing'
    const agree = "Make spec.serviceAccountName and the ServiceAccount's name agree"
    expect(linesOf(await scan(root), id)).toEqual([
      `k8s/shop/deployments.yaml:9:27: warning: Deployment shop/orders runs as ServiceAccount "orders", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "orders-v2" (k8s/shop/service-accounts.yaml:4)? ${agree} [${id}]`,
      `k8s/shop/deployments.yaml:22:27: warning: Deployment shop/billing runs as ServiceAccount "api", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "billing-api" (k8s/shop/service-accounts.yaml:10)? ${agree} [${id}]`,
      `k8s/shop/deployments.yaml:35:27: warning: Deployment shop/ledger runs as ServiceAccount "ledger-worker", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "ledger" (k8s/shop/service-accounts.yaml:16)? ${agree} [${id}]`,
      `k8s/shop/deployments.yaml:48:27: warning: Deployment shop/stock runs as ServiceAccount "stockroom", which no scanned file defines in namespace shop, although k8s/shop/ defines the namespace's other ServiceAccounts (orders-v2, billing-api, ledger); the pods are refused until it exists: add it or fix spec.serviceAccountName [${id}]`,
      `k8s/shop/deployments.yaml:61:27: warning: Deployment shop/refunds runs as ServiceAccount "ledgr", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "ledger" (k8s/shop/service-accounts.yaml:16)? ${agree} [${id}]`,
    ])
  })
})

describe('workload-service-account-missing across deploy units', () => {
  function terraformServiceAccount(name: string): string {
    return `resource "kubernetes_service_account" "${name}" {\n  metadata {\n    name      = "${name}"\n    namespace = "shop"\n  }\n}\n`
  }
  function terraformDeployment(name: string, serviceAccountName: string): string {
    return `resource "kubernetes_deployment" "${name}" {\n  metadata {\n    name      = "${name}"\n    namespace = "shop"\n  }\n  spec {\n    template {\n      spec {\n        service_account_name = "${serviceAccountName}"\n        container {\n          name  = "app"\n          image = "app:1"\n        }\n      }\n    }\n  }\n}\n`
  }

  it("lists the near misses and the namespace's ServiceAccounts a workload sees (its unit's and those of none) in scan order", async () => {
    const root = tempRepo({
      // Unit "terraform infra", whose module apps holds the workloads; unit "terraform other".
      'infra/main.tf': `${terraformServiceAccount('ledger')}module "apps" {\n  source = "./apps"\n}\n`,
      'infra/apps/deploy.tf': terraformDeployment('app', 'orders') + terraformDeployment('app2', 'payments'),
      'other/main.tf': terraformServiceAccount('orders-x') + terraformServiceAccount('audit'),
      // No unit: seen from every unit.
      'k8s/a/sa.yaml': [serviceAccount('shop', 'orders-v2'), serviceAccount('shop', 'order')].join('---\n'),
      'k8s/b/sa.yaml': [
        serviceAccount('shop', 'orders-v2'),
        serviceAccount('shop', 'orderz'),
        serviceAccount('shop', 'billing'),
      ].join('---\n'),
      'deploy/d.yaml': [deployment('shop', 'web', 'orders'), deployment('shop', 'pay', 'payments')].join('---\n'),
    })
    const id = 'workload-service-account-missing'
    const runsAs = (workload: string, name: string): string =>
      `Deployment shop/${workload} runs as ServiceAccount "${name}", which no scanned file defines in namespace shop`
    const agree = "Make spec.serviceAccountName and the ServiceAccount's name agree"
    const refused = 'the pods are refused until it exists'
    const inK8s =
      '"orders-v2" (k8s/a/sa.yaml:4) or "order" (k8s/a/sa.yaml:10) or "orders-v2" (k8s/b/sa.yaml:4) or "orderz" (k8s/b/sa.yaml:10)'
    expect(linesOf(await scan(root), id)).toEqual([
      `deploy/d.yaml:9:27: warning: ${runsAs('web', 'orders')}; ${refused}: did you mean "orders-x" (other/main.tf:3) or ${inK8s}? ${agree} [${id}]`,
      `deploy/d.yaml:22:27: warning: ${runsAs('pay', 'payments')}, although the scan defines the namespace's ServiceAccounts (ledger (infra/main.tf:3), orders-x (other/main.tf:3), audit (other/main.tf:9), …); ${refused}: add it or fix spec.serviceAccountName [${id}]`,
      `infra/apps/deploy.tf:9:32: warning: ${runsAs('app', 'orders')}; ${refused}: did you mean ${inK8s}? ${agree} [${id}]`,
      `infra/apps/deploy.tf:26:32: warning: ${runsAs('app2', 'payments')}, although the scan defines the namespace's ServiceAccounts (ledger (infra/main.tf:3), orders-v2 (k8s/a/sa.yaml:4), order (k8s/a/sa.yaml:10), …); ${refused}: add it or fix spec.serviceAccountName [${id}]`,
    ])
  })
})

describe('the role that accepts a refused ServiceAccount instead, among roles whose subjects share its name’s pieces', () => {
  function trustingRole(name: string, subject: string): string {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${home}:oidc-provider/${provider}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${provider}:sub`]: subject, [`${provider}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    }
    return `${JSON.stringify({ Role: { Path: '/', RoleName: name, Arn: `arn:aws:iam::${home}:role/${name}`, AssumeRolePolicyDocument: trust } }, null, 2)}\n`
  }

  it('names the first role in scan order whose trust takes the token, past roles holding all but one of the pieces', async () => {
    // Each of the first roles' subjects holds every three-letter piece of "report-9537" but one, or
    // holds the name in another namespace; the role meant is read last.
    const files: Record<string, string> = {
      'iam/01-annotated.json': trustingRole('annotated', 'system:serviceaccount:prod:billing'),
      'iam/02-report-953.json': trustingRole('report-953', 'system:serviceaccount:prod:report-953'),
      'iam/03-port-9537.json': trustingRole('port-9537', 'system:serviceaccount:prod:xreport-9x537'),
      'iam/04-dev-report.json': trustingRole('dev-report', 'system:serviceaccount:dev:report-9537'),
      'iam/05-report-95-37.json': trustingRole('report-95-37', 'system:serviceaccount:prod:report-95-537'),
      'iam/06-meant.json': trustingRole('meant', 'system:serviceaccount:prod:report-9537'),
      'iam/07-also.json': trustingRole('also', 'system:serviceaccount:prod:report-9537'),
      'k8s/report.yaml': serviceAccount('prod', 'report-9537', `arn:aws:iam::${home}:role/annotated`),
    }
    expect(linesOf(await scan(tempRepo(files)), 'trust-denies-service-account')).toEqual([
      `k8s/report.yaml:7:33: error: ServiceAccount prod/report-9537 (k8s/report.yaml:7) would be refused by role annotated's trust (iam/01-annotated.json:17): StringEquals on "${provider}:sub" allows "system:serviceaccount:prod:billing", not "system:serviceaccount:prod:report-9537"; role meant's trust (iam/06-meant.json:6) accepts it: point the annotation at role meant, or change the sub value to "system:serviceaccount:prod:report-9537" or rename the ServiceAccount to billing [trust-denies-service-account]`,
    ])
  })
})
