import type { CheckResult } from '../../../src/check.js'
import { classify } from '../../../src/discover/classify.js'
import type { ServiceAccount } from '../../../src/model/facts.js'
import type { Value } from '../../../src/model/value.js'
import { fixture, linesOf, scan } from '../../helpers.js'

const show = (value: Value | undefined): string =>
  value === undefined ? '-' : value.kind === 'known' ? value.value : `\${${value.expression}}`
const at = (location: { path: string; line: number; column: number }): string =>
  `${location.path}:${location.line}:${location.column}`

function serviceAccounts(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map(
    (sa: ServiceAccount) =>
      `${show(sa.namespace)}/${show(sa.name)} role=${show(sa.roleArn)} at=${at(sa.location)} roles=${result.graph.rolesOf(sa).length}`,
  )
}

/** All findings: a script that creates a ServiceAccount or a role counts as an IRSA-relevant file (no nothing-scanned). */
function findings(result: CheckResult): string[] {
  return linesOf(result)
}

const run = (name: string): Promise<CheckResult> => scan(fixture('scripts', name))

describe('install scripts, Makefiles and workflow run blocks', () => {
  it('classifies a script by the commands it may hold', () => {
    expect(classify('hack/irsa.sh', 'eksctl create iamserviceaccount --name x\n')).toBe('script')
    expect(classify('Makefile', 'x:\n\thelm upgrade --install a b\n')).toBe('script')
    expect(classify('setup.bash', 'kubectl annotate sa x a=b\n')).toBe('script')
    expect(classify('.github/workflows/ci.yml', 'jobs: {}\n')).toBe('ignored')
    expect(classify('README.md', 'eksctl create iamserviceaccount --name x\n')).toBe('ignored')
  })

  it('eksctl create iamserviceaccount: the ServiceAccount and a role trusting exactly it, joined by construction; --role-only makes no ServiceAccount; heredoc bodies and comments are not commands', async () => {
    const result = await run('eksctl')
    expect(serviceAccounts(result)).toEqual([
      'payments/billing role=${eksctl.prod-eu.iam_service_account["payments/billing"].role_arn} at=install.sh:7:58 roles=1',
      // --namespace defaults to "default" (eksctl pkg/ctl/create/iamserviceaccount.go).
      'default/reporter role=${eksctl.prod-eu.iam_service_account["default/reporter"].role_arn} at=install.sh:13:58 roles=1',
    ])
    const roles = result.graph.facts.roles.map((role) => {
      const sub = role.trustPolicy?.statements[0]?.condition?.entries.find((entry) => show(entry.key).endsWith(':sub}'))
      return `${role.name ? show(role.name) : 'generated'} sub=${sub?.values.map(show).join()} at=${at(sub!.values[0]!.location)}`
    })
    expect(roles).toEqual([
      'billing-reader sub=system:serviceaccount:payments:billing at=install.sh:7:58',
      // A ${VAR:-default} namespace is unknown: the default is only one of its values.
      'generated sub=${system:serviceaccount:${KARPENTER_NAMESPACE:-karpenter @.}:karpenter} at=install.sh:12:58',
      'generated sub=system:serviceaccount:default:reporter at=install.sh:13:58',
    ])
    expect(findings(result)).toEqual([])
  })

  it('kubectl create serviceaccount and kubectl annotate: one ServiceAccount per name, the annotation on it; a misspelt key is reported at its line', async () => {
    const result = await run('kubectl')
    expect(serviceAccounts(result)).toEqual([
      'orders/checkout role=arn:aws:iam::345678901234:role/checkout at=setup.sh:4:31 roles=0',
      'orders/plain role=- at=setup.sh:7:38 roles=0',
      'orders/typo role=- at=setup.sh:8:21 roles=0',
      // A namespace from $(…) and a role from an unset variable stay symbolic; --dry-run creates nothing.
      '${$(cat ns.txt) @.}/later role=${ROLE_ARN @.} at=setup.sh:9:33 roles=0',
    ])
    expect(result.graph.facts.serviceAccounts[0]!.roleArn!.location).toMatchObject({ line: 6, column: 30 })
    expect(findings(result)).toEqual([
      'setup.sh:8:45: error: annotation "eks.amazonaws.com/role_arn" on ServiceAccount orders/typo is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
    ])
  })

  it('helm install/upgrade --set: the chart ServiceAccount with its annotation; unescaped dots in the annotation key are reported; create=false and unknown values are respected', async () => {
    const result = await run('helm')
    expect(serviceAccounts(result)).toEqual([
      'kube-system/aws-load-balancer-controller role=arn:aws:iam::345678901234:role/lbc at=Makefile:4:25 roles=0',
      // external-dns's fullname: <release>-external-dns; the nested key annotates nothing.
      'external-dns/dns-external-dns role=- at=Makefile:9:15 roles=0',
      // A chart irsa-guard does not know: the name set on the command line; make's $(ACCOUNT) is unknown.
      'shop/web-sa role=${arn:aws:iam::$(ACCOUNT):role/web @.} at=Makefile:13:50 roles=0',
      // $(HELM_OPTS) may set any value: name and annotation unknown.
      'es/${helm release external-secrets serviceAccount.name @.} role=${helm release external-secrets values serviceAccount.annotations @.} at=Makefile:19:25 roles=0',
      // "${ARGS[@]}" may set any value; --dry-run and helm template install nothing.
      'kube-system/${helm release lbc serviceAccount.name @.} role=${helm release lbc values serviceAccount.annotations @.} at=install.sh:3:24 roles=0',
    ])
    expect(findings(result)).toEqual([
      "Makefile:10:9: error: --set serviceAccount.annotations.eks.amazonaws.com/role-arn of helm release dns splits the key at every dot, so the chart gets the nested map eks → amazonaws → com/role-arn under serviceAccount.annotations instead of the annotation eks.amazonaws.com/role-arn: the EKS webhook never sees it (or the API server refuses a map as an annotation value); escape the dots inside the key: --set 'serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn=…' [annotation-key-typo]",
    ])
  })

  it('workflow run blocks: lines mapped to the workflow file, ${{ }} symbolic, each step its own shell, heredoc bodies skipped', async () => {
    const result = await run('workflow')
    expect(serviceAccounts(result)).toEqual([
      'jobs/runner role=${arn:aws:iam::${{ secrets.ACCOUNT }}:role/runner @.github/workflows/deploy.yml} at=.github/workflows/deploy.yml:13:41 roles=0',
      'jobs/uploader role=${eksctl.env.CLUSTER @.github/workflows/deploy.yml.iam_service_account["jobs/uploader"].role_arn} at=.github/workflows/deploy.yml:17:99 roles=1',
    ])
    expect(findings(result)).toEqual([])
  })
})

describe('eksctl ClusterConfig in a here-document', () => {
  it('is read at its lines when eksctl takes its config from standard input, with the variables the script set; other here-documents are data', async () => {
    const result = await run('heredoc')
    expect(result.graph.facts.clusters.map((cluster) => `${show(cluster.name)} at=${at(cluster.location)}`)).toEqual([
      'shop-eu at=create-cluster.sh:7:3',
    ])
    expect(serviceAccounts(result)).toEqual([
      '${CART_NAMESPACE @.}/cart role=${eksctl.shop-eu.iam_service_account["${CART_NAMESPACE @.}/cart"].role_arn} at=create-cluster.sh:13:9 roles=1',
    ])
    expect(result.graph.facts.roles.map((role) => `${show(role.name)} at=${at(role.location)}`)).toEqual([
      'shop-eu-cart at=create-cluster.sh:12:7',
    ])
    expect(findings(result)).toEqual([])
  })
})

describe('shell sessions', () => {
  it('an unknown variable is the same value only within the scripts of one directory (one session): a Pod Identity association there overrides the annotation, not in another directory', async () => {
    const result = await run('sessions')
    expect(
      linesOf(result, 'pod-identity-overrides-irsa').map((line) => line.split(': ').slice(0, 2).join(': ')),
    ).toEqual(['a/step2.sh:2:67: error'])
  })
})

describe('broken shell', () => {
  it('reads what it can and never throws: unclosed quotes, substitutions and here-documents', async () => {
    const { readScript } = await import('../../../src/sources/shell/index.js')
    const { defaultConfig } = await import('../../../src/config.js')
    const texts = [
      'kubectl create sa "unclosed -n x\n',
      'helm upgrade --install r c --set "serviceAccount.name=$(echo\n',
      'eksctl create iamserviceaccount --name a --namespace ${X\n',
      'eksctl create cluster -f - <<EOF\napiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: [\n',
      'kubectl annotate sa\nkubectl annotate serviceaccount/ =\nhelm install\neksctl create iamserviceaccount\n\\\n',
    ]
    const results = texts.map((text) =>
      readScript({ path: 'broken.sh', kind: 'script', text }, { config: defaultConfig() }),
    )
    expect(
      results.map((result) =>
        (result.facts.serviceAccounts ?? []).map((sa) => `${show(sa.namespace)}/${show(sa.name)}`),
      ),
    ).toEqual([
      ['${kubeconfig context namespace @.}/unclosed -n x'],
      ['${kubeconfig context namespace @.}/${$(echo @.}'],
      ['${${X @.}/a'],
      [],
      [],
    ])
    expect(results[3]!.findings.map((finding) => `${finding.ruleId} ${finding.location.line}`)).toEqual([
      'parse-error 4',
    ])
  })
})
