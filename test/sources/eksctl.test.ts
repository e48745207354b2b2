import type { CheckResult } from '../../src/check.js'
import { loadConfig } from '../../src/config-file.js'
import type { Role } from '../../src/model/facts.js'
import type { Value } from '../../src/model/value.js'
import { classify } from '../../src/discover/classify.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fixture, linesOf, scan } from '../helpers.js'

afterAll(removeTempRepos)

async function run(...parts: string[]): Promise<CheckResult> {
  const root = parts.length === 1 && parts[0]!.startsWith('/') ? parts[0]! : fixture('eksctl', ...parts)
  return scan(root, await loadConfig({ root, cwd: root }))
}

const show = (value: Value | undefined): string =>
  value === undefined
    ? '-'
    : value.kind === 'known'
      ? value.value
      : value.expression.includes('${')
        ? value.expression
        : `\${${value.expression}}`
const where = (value: { location: { path: string; line: number } } | undefined): string =>
  value ? `${value.location.path}:${value.location.line}` : '-'

function describeRole(role: Role): string {
  const statement = role.trustPolicy?.statements[0]
  const conditions = (statement?.condition?.entries ?? []).map(
    (entry) => `${entry.operator} ${show(entry.key)}=${entry.values.map(show).join(',')}@${where(entry.values[0])}`,
  )
  const principal = (statement?.principal?.entries ?? []).map(
    (entry) => `${entry.type}:${entry.values.map(show).join(',')}`,
  )
  const name = role.name ? show(role.name) : `generated ${show(role.generatedName?.prefix)}`
  return [name, `at=${where(role)}`, `refs=${role.arnReferences.join(',')}`, ...principal, ...conditions].join(' ')
}

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/3F2A9C1B7D4E6F8091A2B3C4D5E6F708'

describe('eksctl ClusterConfig', () => {
  it('is classified apart from Kubernetes manifests, so that no Kubernetes rule reads it', () => {
    expect(
      classify('eksctl/cluster.yaml', 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: x\n'),
    ).toBe('eksctl')
    expect(classify('k8s/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n')).toBe('kubernetes')
  })

  it("reads eksctl's own IRSA and Pod Identity examples without a finding", async () => {
    const result = await run('docs-examples')
    expect(linesOf(result)).toEqual([])
    const facts = result.graph.facts
    expect(facts.objects.filter((object) => object.kind === 'ClusterConfig')).toEqual([])
    expect(
      facts.clusters.map(
        (cluster) => `${show(cluster.name)} ${show(cluster.region)} issuer=${show(cluster.issuer)} ${where(cluster)}`,
      ),
    ).toEqual([
      'cluster-13 us-west-2 issuer=- eksctl/cluster-13.yaml:7',
      'cluster-39 us-west-2 issuer=- eksctl/cluster-39.yaml:7',
    ])
    expect(
      facts.oidcProviders.map(
        (provider) =>
          `${show(provider.url)} ${provider.clientIds.map(show).join()} refs=${provider.arnReferences.join()} ${where(provider)}`,
      ),
    ).toEqual([
      '${eksctl.cluster-13.oidc_issuer_url} sts.amazonaws.com refs=eksctl.cluster-13.oidc_provider_arn eksctl/cluster-13.yaml:11',
    ])
    const s3Reader = 'eksctl.cluster-13.iam_service_account["backend-apps/s3-reader"].role_arn'
    expect(facts.roles.map(describeRole)).toEqual([
      `generated \${eksctl-cluster-13-addon-iamserviceaccount-backend-apps-s3-reader-Role1-…} at=eksctl/cluster-13.yaml:13 refs=${s3Reader} Federated:\${eksctl.cluster-13.oidc_provider_arn} StringEquals \${eksctl.cluster-13.oidc_provider}:sub=system:serviceaccount:backend-apps:s3-reader@eksctl/cluster-13.yaml:14 StringEquals \${eksctl.cluster-13.oidc_provider}:aud=sts.amazonaws.com@eksctl/cluster-13.yaml:13`,
      expect.stringMatching(
        /^generated \$\{eksctl-cluster-13-addon-iamserviceaccount-kube-system-aws-load-balancer-controller-Role1-…\} at=eksctl\/cluster-13.yaml:21 /,
      ),
      expect.stringMatching(
        /^generated \$\{eksctl-cluster-13-addon-iamserviceaccount-kube-system-cluster-autoscaler-Role1-…\} at=eksctl\/cluster-13.yaml:26 /,
      ),
      expect.stringMatching(
        /^generated \$\{eksctl-cluster-13-addon-iamserviceaccount-kube-system-autoscaler-service-Role1-…\} at=eksctl\/cluster-13.yaml:32 /,
      ),
      'pod-identity-role-app-cache at=eksctl/cluster-39.yaml:22 refs=eksctl.cluster-39.pod_identity_association["dev/app-cache-access"].role_arn Service:pods.eks.amazonaws.com',
      'generated eksctl-cluster-39-podidentityrole-dev-nginx-Role1- at=eksctl/cluster-39.yaml:28 refs=eksctl.cluster-39.pod_identity_association["dev/nginx"].role_arn Service:pods.eks.amazonaws.com',
    ])
    // attachRoleARN annotates an existing role; createServiceAccount makes a ServiceAccount without annotation.
    expect(
      facts.serviceAccounts.map((sa) => `${show(sa.namespace)}/${show(sa.name)} ${show(sa.roleArn)} ${where(sa)}`),
    ).toEqual([
      `backend-apps/s3-reader \${${s3Reader}} eksctl/cluster-13.yaml:14`,
      'kube-system/aws-load-balancer-controller ${eksctl.cluster-13.iam_service_account["kube-system/aws-load-balancer-controller"].role_arn} eksctl/cluster-13.yaml:22',
      'kube-system/cluster-autoscaler ${eksctl.cluster-13.iam_service_account["kube-system/cluster-autoscaler"].role_arn} eksctl/cluster-13.yaml:27',
      'kube-system/autoscaler-service ${eksctl.cluster-13.iam_service_account["kube-system/autoscaler-service"].role_arn} eksctl/cluster-13.yaml:33',
      'default/some-app arn:aws:iam::210987654321:role/already-created-role-for-app eksctl/cluster-13.yaml:44',
      'default/s3-reader - eksctl/cluster-39.yaml:17',
    ])
    // The ServiceAccount eksctl creates is the one its workload runs as, and it names the role eksctl creates.
    const reader = facts.workloads.find((workload) => show(workload.name) === 's3-reader')!
    expect(
      result.graph
        .serviceAccountsOf(reader)
        .flatMap((sa) => result.graph.rolesOf(sa))
        .map((link) => `${link.via} ${where(link.role)}`),
    ).toEqual(['reference eksctl/cluster-13.yaml:13'])
    expect(
      facts.podIdentityAssociations.map(
        (association) =>
          `${show(association.cluster)} ${show(association.namespace)}/${show(association.serviceAccount)} ${show(association.roleArn)}`,
      ),
    ).toEqual([
      'cluster-39 default/s3-reader arn:aws:iam::210987654321:role/role-1',
      'cluster-39 dev/app-cache-access ${eksctl.cluster-39.pod_identity_association["dev/app-cache-access"].role_arn}',
      'cluster-39 dev/nginx ${eksctl.cluster-39.pod_identity_association["dev/nginx"].role_arn}',
    ])
    const inline = facts.roles.find((role) => role.arnReferences[0]!.includes('autoscaler-service'))!
    expect(inline.permissions).toMatchObject({
      complete: true,
      statements: [{ effect: { value: 'Allow' }, resources: [{ value: '*' }] }],
    })
    expect(facts.roles[0]!.permissions?.complete).toBe(false)
  })

  it('catches a --role-only role that trusts another ServiceAccount than the one the chart runs as, on the eksctl line', async () => {
    expect(linesOf(await run('karpenter-role-only'))).toEqual([
      'eksctl/prod.yaml:11:15: error: ServiceAccount karpenter/karpenter (k8s/karpenter.yaml:8) would be refused by role prod-karpenter\'s trust (eksctl/prod.yaml:11): StringEquals on "${eksctl.prod.oidc_provider}:sub" allows "system:serviceaccount:karpenter:prod-karpenter", not "system:serviceaccount:karpenter:karpenter"; change the sub value to "system:serviceaccount:karpenter:karpenter" or rename the ServiceAccount to prod-karpenter [trust-denies-service-account]',
    ])
  })

  it('reports iam.withOIDC: false with iam.serviceAccounts, which eksctl refuses', async () => {
    expect(linesOf(await run('without-oidc'))).toEqual([
      'cluster.yaml:7:13: error: iam.withOIDC is false, so cluster staging gets no IAM OIDC provider and eksctl refuses its 1 iam.serviceAccounts ("iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created"); set iam.withOIDC: true [oidc-provider-missing]',
    ])
  })

  it("writes the generated trust with the cluster's issuer when the config file names it (subjectPattern as StringLike)", async () => {
    const result = await run('known-issuer')
    expect(linesOf(result)).toEqual([])
    expect(result.graph.facts.roles.map(describeRole)).toEqual([
      // 62 characters before CloudFormation's 13-character suffix: the name is cut, so the prefix is unknown.
      `generated \${eksctl-payments-addon-iamserviceaccount-payments-ledger-Role1-…} at=eksctl/payments.yaml:9 refs=eksctl.payments.iam_service_account["payments/ledger"].role_arn Federated:\${eksctl.payments.oidc_provider_arn} StringEquals ${ISSUER}:sub=system:serviceaccount:payments:ledger@eksctl/payments.yaml:10 StringEquals ${ISSUER}:aud=sts.amazonaws.com@eksctl/payments.yaml:9`,
      `payments-batch at=eksctl/payments.yaml:16 refs=eksctl.payments.iam_service_account["payments/batch"].role_arn Federated:\${eksctl.payments.oidc_provider_arn} StringLike ${ISSUER}:sub=system:serviceaccount:payments:batch-*@eksctl/payments.yaml:21 StringEquals ${ISSUER}:aud=sts.amazonaws.com@eksctl/payments.yaml:16`,
    ])
    expect(result.graph.facts.oidcProviders.map((provider) => show(provider.url))).toEqual([`https://${ISSUER}`])
    const ledger = result.graph.facts.serviceAccounts.find((sa) => show(sa.name) === 'ledger')!
    expect(ledger.annotations.map((annotation) => `${annotation.key}=${show(annotation.value)}`)).toEqual([
      'eks.amazonaws.com/sts-regional-endpoints=true',
      'eks.amazonaws.com/role-arn=${eksctl.payments.iam_service_account["payments/ledger"].role_arn}',
    ])
  })

  it('decides a subjectPattern trust as StringLike: a ServiceAccount outside the pattern is refused', async () => {
    const root = tempRepo({
      '.irsa-guard.yml': `clusters:\n  - name: payments\n    issuer: https://${ISSUER}\n`,
      'eksctl.yaml': [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: payments',
        '  region: eu-central-1',
        'iam:',
        '  withOIDC: true',
        '  serviceAccounts:',
        '    - metadata:',
        '        name: batch',
        '        namespace: payments',
        '      roleName: payments-batch',
        '      roleOnly: true',
        '      subjectPattern: "batch-*"',
        '',
      ].join('\n'),
      'sa.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: reports\n  namespace: payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/payments-batch\n',
    })
    expect(linesOf(await run(root), 'trust-denies-service-account')).toEqual([
      `eksctl.yaml:14:23: error: ServiceAccount payments/reports (sa.yaml:7) would be refused by role payments-batch's trust (eksctl.yaml:14): StringLike on "${ISSUER}:sub" allows "system:serviceaccount:payments:batch-*", not "system:serviceaccount:payments:reports"; change the sub value to "system:serviceaccount:payments:reports" [trust-denies-service-account]`,
    ])
  })

  it('never throws on odd configs: missing names, non-list sections, broken YAML', async () => {
    const root = tempRepo({
      'a.yaml':
        'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\niam:\n  serviceAccounts: {}\n  podIdentityAssociations:\n    - 42\n    - namespace: x\n',
      'b.yaml':
        'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: b\niam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {namespace: x}\n    - attachRoleARN: [1]\n    - metadata:\n        name: c\n      roleName: ""\n',
      'c.yaml': 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: [\n',
    })
    const result = await run(root)
    expect(linesOf(result)).toEqual([
      'c.yaml:3:11: warning: Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing in this eksctl config was checked [parse-error]',
    ])
    expect(result.graph.facts.serviceAccounts.map((sa) => `${show(sa.namespace)}/${show(sa.name)}`)).toEqual([
      'default/c',
    ])
  })
})
