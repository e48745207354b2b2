import { readFileSync } from 'node:fs'
import type { CheckResult } from '../../../src/check.js'
import { fixture, linesOf, scan } from '../../helpers.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

function identities(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map(
    (sa) =>
      `${sa.source} ${sa.namespace.kind === 'known' ? sa.namespace.value : `\${${sa.namespace.expression}}`}/${sa.name.kind === 'known' ? sa.name.value : `\${${sa.name.expression}}`}`,
  )
}

describe('Helm: a Terraform helm_release of a chart in the repository', () => {
  it('renders the chart with the release name, namespace (default "default"), values and sets, and reports the trusts that name other ServiceAccounts', async () => {
    const result = await scan(fixture('helm', 'terraform-release', 'fires'))
    expect(linesOf(result)).toEqual([
      `main.tf:48:15: error: ServiceAccount shop/shop-orders (main.tf:54) would be refused by role orders's trust (main.tf:20): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop:shop-orders"; change the sub value to "system:serviceaccount:shop:shop-orders" or rename the ServiceAccount to orders (the ServiceAccount's name shop-orders is set here, not in charts/orders/templates/serviceaccount.yaml:5) [trust-denies-service-account]`,
      `main.tf:65:1: error: ServiceAccount default/staging-orders (values/staging.yaml.tftpl:3) would be refused by role orders-staging's trust (main.tf:38): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:orders:staging-orders", not "system:serviceaccount:default:staging-orders"; change the sub value to "system:serviceaccount:default:staging-orders" or move the ServiceAccount to namespace orders (the ServiceAccount's namespace default is set here, not in charts/orders/templates/serviceaccount.yaml:5) [trust-denies-service-account]`,
    ])
    // The chart read on its own (no release names it in a config, Argo CD or Flux) keeps a symbolic name.
    expect(identities(result)).toEqual([
      'helm ${helm-release-namespace:charts/orders}/${helm-fullname:charts/orders}',
      'helm shop/shop-orders',
      'helm default/staging-orders',
    ])
    const rendered = result.graph.facts.serviceAccounts[1]
    expect(rendered?.terraform).toEqual({ root: '.', address: 'helm_release.orders' })
    for (const workload of result.graph.facts.workloads.slice(1))
      expect(result.graph.serviceAccountsOf(workload)).toHaveLength(1)
  })

  it('is clean when the trusts name the ServiceAccounts the releases create', async () => {
    expect(linesOf(await scan(fixture('helm', 'terraform-release', 'clean')))).toEqual([])
  })

  it('takes set_string values, keeps the names symbolic when the release name is known only at apply time, and renders nothing of a release whose values document is', async () => {
    const chart = fixture('helm', 'terraform-release', 'fires', 'charts', 'orders')
    const files: Record<string, string> = {}
    for (const name of ['Chart.yaml', 'values.yaml', 'templates/_helpers.tpl', 'templates/serviceaccount.yaml'])
      files[`charts/orders/${name}`] = readFileSync(`${chart}/${name}`, 'utf8')
    const root = tempRepo({
      ...files,
      'main.tf': `variable "release" {}
variable "values" {}
resource "helm_release" "named_later" {
  name  = var.release
  chart = "./charts/orders"
  namespace = "shop"
}
resource "helm_release" "named_by_set" {
  name  = "reports"
  chart = "\${path.module}/charts/orders"
  namespace = "shop"
  set_string {
    name  = "serviceAccount.name"
    value = "reporter"
  }
}
resource "helm_release" "values_later" {
  name   = "shop"
  chart  = "./charts/orders"
  values = [var.values]
}
`,
    })
    const result = await scan(root)
    expect(identities(result)).toEqual([
      'helm ${helm-release-namespace:charts/orders}/${helm-fullname:charts/orders}',
      'helm shop/${helm-fullname:charts/orders}',
      'helm shop/reporter',
    ])
    expect(linesOf(result)).toEqual([])
  })
})
