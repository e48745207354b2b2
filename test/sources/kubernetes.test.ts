import type { CheckResult } from '../../src/check.js'
import type { Workload } from '../../src/model/facts.js'
import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

async function scanFiles(files: Record<string, string>): Promise<CheckResult> {
  return scan(tempRepo(files))
}

const at = (path: string, line: number, column: number) => ({ path, line, column })

describe('Kubernetes source: ServiceAccounts', () => {
  it('reads every eks.amazonaws.com annotation with the location of its value', async () => {
    const result = await scanFiles({
      'sa.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '  namespace: prod',
        '  annotations:',
        '    eks.amazonaws.com/role-arn: "arn:aws:iam::210987654321:role/app"',
        '    eks.amazonaws.com/audience: sts.amazonaws.com',
        '    eks.amazonaws.com/sts-regional-endpoints: true',
        '    eks.amazonaws.com/token-expiration: 86400',
        '    eks.amazonaws.com/skip-containers: sidecar',
        '',
      ].join('\n'),
    })
    const [account, ...others] = result.graph.facts.serviceAccounts
    expect(others).toEqual([])
    expect(account).toMatchObject({
      source: 'kubernetes',
      name: { kind: 'known', value: 'app', location: at('sa.yaml', 4, 9) },
      namespace: { kind: 'known', value: 'prod', location: at('sa.yaml', 5, 14) },
      location: at('sa.yaml', 4, 3),
      roleArn: { kind: 'known', value: 'arn:aws:iam::210987654321:role/app', location: at('sa.yaml', 7, 33) },
      audience: { kind: 'known', value: 'sts.amazonaws.com', location: at('sa.yaml', 8, 33) },
      stsRegionalEndpoints: { kind: 'known', value: 'true', location: at('sa.yaml', 9, 47) },
      tokenExpiration: { kind: 'known', value: '86400', location: at('sa.yaml', 10, 41) },
    })
    expect(
      account!.annotations.map((annotation) => [annotation.key, annotation.keyLocation.line, annotation.valueKind]),
    ).toEqual([
      ['eks.amazonaws.com/role-arn', 7, undefined],
      ['eks.amazonaws.com/audience', 8, undefined],
      ['eks.amazonaws.com/sts-regional-endpoints', 9, 'boolean'],
      ['eks.amazonaws.com/token-expiration', 10, 'number'],
      ['eks.amazonaws.com/skip-containers', 11, undefined],
    ])
  })

  it('keeps non-string annotation values as written', async () => {
    const result = await scanFiles({
      'sa.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '  annotations:',
        '    a: yes',
        '    b: 0755',
        '    c: 1.5e3',
        '    d:',
        '    e: [x, y]',
        '    f: 2024-01-02',
        '',
      ].join('\n'),
    })
    const values = result.graph.facts.serviceAccounts[0]!.annotations.map((annotation) => [
      annotation.key,
      annotation.value.kind === 'known' ? annotation.value.value : annotation.value.expression,
      annotation.valueKind,
    ])
    expect(values).toEqual([
      ['a', 'yes', 'boolean'],
      ['b', '0755', 'number'],
      ['c', '1.5e3', 'number'],
      ['d', '', 'null'],
      ['e', '[x, y]', 'collection'],
      ['f', '2024-01-02', undefined],
    ])
  })

  it('gives an object without namespace the namespace of the apply, which joins its workloads and nothing else', async () => {
    const result = await scanFiles({
      'app.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    spec:',
        '      serviceAccountName: app',
        '      containers: [{name: web}]',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: api',
        '  namespace: prod',
        'spec:',
        '  template:',
        '    spec:',
        '      serviceAccountName: app',
        '      containers: [{name: api}]',
        '',
      ].join('\n'),
    })
    const { graph } = result
    const [account] = graph.facts.serviceAccounts
    expect(account!.namespace).toEqual({
      kind: 'symbolic',
      expression: 'namespace-of-apply',
      location: at('app.yaml', 4, 3),
    })
    const byName = (name: string) =>
      graph.facts.workloads.find((workload) => workload.name.kind === 'known' && workload.name.value === name)!
    expect(graph.serviceAccountsOf(byName('web'))).toEqual([account])
    expect(graph.serviceAccountsOf(byName('api'))).toEqual([])
  })

  it('reads only core v1 ServiceAccounts as ServiceAccounts, but every object as an object', async () => {
    const result = await scanFiles({
      'crd.yaml': [
        'apiVersion: iam.gcp.crossplane.io/v1alpha1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: gcp',
        '  annotations:',
        '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/x',
        '',
      ].join('\n'),
    })
    expect(result.graph.facts.serviceAccounts).toEqual([])
    expect(result.graph.facts.objects.map((object) => `${object.apiVersion} ${object.kind}`)).toEqual([
      'iam.gcp.crossplane.io/v1alpha1 ServiceAccount',
    ])
  })

  it('treats unrendered template names as symbolic, and keeps template text in annotation values', async () => {
    const result = await scanFiles({
      'sa.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: {{ .Values.name }}',
        '  namespace: ${NAMESPACE}',
        '  annotations:',
        '    eks.amazonaws.com/role-arn: arn:aws:iam::{{ .Values.account }}:role/app',
        '',
      ].join('\n'),
    })
    expect(result.graph.facts.serviceAccounts[0]).toMatchObject({
      name: { kind: 'symbolic', expression: '{{ .Values.name }}', location: at('sa.yaml', 4, 9) },
      namespace: { kind: 'symbolic', expression: '${NAMESPACE}', location: at('sa.yaml', 5, 14) },
      roleArn: { kind: 'known', value: 'arn:aws:iam::{{ .Values.account }}:role/app' },
    })
    expect(linesOf(result, 'parse-error')).toEqual([])
  })
})

describe('Kubernetes source: documents, lists and JSON', () => {
  it('reads every document of a file and every item of a List, in YAML and JSON', async () => {
    const result = await scanFiles({
      'multi.yaml': [
        '# leading comment',
        '---',
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata: {name: one, namespace: a}',
        '---',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ServiceAccount',
        '    metadata: {name: two, namespace: a}',
        '  - apiVersion: v1',
        '    kind: ServiceAccountList',
        '    items:',
        '      - apiVersion: v1',
        '        kind: ServiceAccount',
        '        metadata: {name: three, namespace: a}',
        '',
      ].join('\n'),
      'list.json': JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [
            {
              apiVersion: 'v1',
              kind: 'ServiceAccount',
              metadata: {
                name: 'four',
                namespace: 'b',
                annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::210987654321:role/four' },
              },
            },
          ],
        },
        null,
        2,
      ),
    })
    const accounts = result.graph.facts.serviceAccounts.map(
      (account) =>
        `${account.location.path}:${account.location.line} ${account.name.kind === 'known' ? account.name.value : '?'}`,
    )
    expect(accounts.sort()).toEqual([
      'list.json:9 four',
      'multi.yaml:13 two',
      'multi.yaml:19 three',
      'multi.yaml:5 one',
    ])
    expect(
      result.graph.facts.serviceAccounts.find((account) => account.location.path === 'list.json')!.roleArn,
    ).toEqual({
      kind: 'known',
      value: 'arn:aws:iam::210987654321:role/four',
      location: at('list.json', 12, 41),
    })
    expect(linesOf(result, 'parse-error')).toEqual([])
  })

  it('reports a broken document once, with its line, and still reads the others', async () => {
    const result = await scanFiles({
      'mixed.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: before',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'data:',
        '  key: [unclosed',
        '  other: value',
        '    bad: indent',
        '---',
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: after',
        '',
      ].join('\n'),
    })
    expect(linesOf(result, 'parse-error')).toEqual([
      'mixed.yaml:10:3: note: Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing in this document was checked [parse-error]',
    ])
    expect(
      result.graph.facts.serviceAccounts.map((account) => (account.name.kind === 'known' ? account.name.value : '?')),
    ).toEqual(['before', 'after'])
  })

  it('reports a template that does not parse once, pointing at the template', async () => {
    const result = await scanFiles({
      'deploy/sa.yaml': [
        '{{- if .Values.serviceAccount.create }}',
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '{{- end }}',
        '---',
        '{{- if .Values.other }}',
        'apiVersion: v1',
        'kind: ConfigMap',
        '{{- end }}',
        '',
      ].join('\n'),
    })
    expect(linesOf(result, 'parse-error')).toEqual([
      'deploy/sa.yaml:1:3: warning: Cannot parse YAML: Block collections are not allowed within flow collections; the file holds template expressions ({{ }}), so scan the rendered manifests (helm template, envsubst) or exclude the template [parse-error]',
    ])
  })

  it('leaves Helm chart templates alone', async () => {
    const result = await scanFiles({
      'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'chart/templates/sa.yaml': '{{- if .Values.create }}\napiVersion: v1\nkind: ServiceAccount\n{{- end }}\n',
      'chart/templates/_helpers.tpl': '{{- define "x" -}}{{- end }}',
    })
    expect(linesOf(result)).toEqual([])
  })

  it('reports duplicate keys on the duplicate and reads the last value, as kubectl does', async () => {
    const result = await scanFiles({
      'sa.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '  annotations:',
        '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/first',
        '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/second',
        '  name: renamed',
        '',
      ].join('\n'),
    })
    expect(linesOf(result, 'parse-error')).toEqual([
      'sa.yaml:7:5: warning: Duplicate key "eks.amazonaws.com/role-arn" (first at sa.yaml:6): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
      'sa.yaml:8:3: warning: Duplicate key "name" (first at sa.yaml:4): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them [parse-error]',
    ])
    const [account] = result.graph.facts.serviceAccounts
    expect(account!.name).toMatchObject({ value: 'renamed' })
    expect(account!.roleArn).toMatchObject({ value: 'arn:aws:iam::210987654321:role/second', location: { line: 7 } })
    expect(account!.annotations).toHaveLength(1)
  })

  it('applies YAML merge keys without calling the merged keys duplicates', async () => {
    const result = await scanFiles({
      'sa.yaml': [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: app',
        '  annotations:',
        '    <<: &common',
        '      eks.amazonaws.com/audience: sts.amazonaws.com',
        '      eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/common',
        '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/own',
        '',
      ].join('\n'),
    })
    expect(linesOf(result, 'parse-error')).toEqual([])
    expect(result.graph.facts.serviceAccounts[0]).toMatchObject({
      roleArn: { value: 'arn:aws:iam::210987654321:role/own', location: { line: 9 } },
      audience: { value: 'sts.amazonaws.com', location: { line: 7 } },
    })
  })
})

describe('Kubernetes source: workloads', () => {
  const podSpec = (indent: string, serviceAccountField = 'serviceAccountName: runner') =>
    [
      `${indent}${serviceAccountField}`,
      `${indent}containers:`,
      `${indent}  - name: main`,
      `${indent}    image: busybox`,
    ].join('\n')

  it('reads every workload kind, and any kind with spec.template.spec.containers', async () => {
    const template = (kind: string, apiVersion = 'apps/v1') =>
      `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${kind.toLowerCase()}\n  namespace: prod\nspec:\n  template:\n    spec:\n${podSpec('      ')}\n`
    const result = await scanFiles({
      'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\n  namespace: prod\nspec:\n${podSpec('  ')}\n`,
      'deployment.yaml': template('Deployment'),
      'statefulset.yaml': template('StatefulSet'),
      'daemonset.yaml': template('DaemonSet'),
      'replicaset.yaml': template('ReplicaSet'),
      'job.yaml': template('Job', 'batch/v1'),
      'rc.yaml': template('ReplicationController', 'v1'),
      'rollout.yaml': template('Rollout', 'argoproj.io/v1alpha1'),
      'cronjob.yaml': `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: cronjob\n  namespace: prod\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec('          ')}\n`,
      'not-a-workload.yaml':
        'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: widget\nspec:\n  template:\n    spec:\n      size: 3\n',
      'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector: {app: x}\n',
    })
    const workloads = result.graph.facts.workloads.map(
      (workload) => `${workload.kind} ${workload.location.path}:${workload.location.line} sa=${accountOf(workload)}`,
    )
    expect(workloads.sort()).toEqual([
      'CronJob cronjob.yaml:4 sa=runner@11',
      'DaemonSet daemonset.yaml:4 sa=runner@9',
      'Deployment deployment.yaml:4 sa=runner@9',
      'Job job.yaml:4 sa=runner@9',
      'Pod pod.yaml:4 sa=runner@7',
      'ReplicaSet replicaset.yaml:4 sa=runner@9',
      'ReplicationController rc.yaml:4 sa=runner@9',
      'Rollout rollout.yaml:4 sa=runner@9',
      'StatefulSet statefulset.yaml:4 sa=runner@9',
    ])
  })

  it('reads the deprecated serviceAccount field, and serviceAccountName first', async () => {
    const result = await scanFiles({
      'old.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: old\nspec:\n${podSpec('  ', 'serviceAccount: legacy')}\n`,
      'both.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: both\nspec:\n  serviceAccount: legacy\n${podSpec('  ')}\n`,
      'none.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: none\nspec:\n${podSpec('  ', 'hostNetwork: false')}\n`,
    })
    const byPath = Object.fromEntries(
      result.graph.facts.workloads.map((workload) => [workload.location.path, accountOf(workload)]),
    )
    expect(byPath).toEqual({ 'old.yaml': 'legacy@6', 'both.yaml': 'runner@7', 'none.yaml': 'default' })
  })

  it('reads containers, init containers and their env with locations on the names', async () => {
    const result = await scanFiles({
      'deploy.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: init',
        '          env:',
        '            - name: AWS_ROLE_ARN',
        '              value: arn:aws:iam::210987654321:role/x',
        '      containers:',
        '        - name: app',
        '          env:',
        '            - name: PORT',
        '              value: 8080',
        '            - name: EMPTY',
        '            - name: AWS_SECRET_ACCESS_KEY',
        '              valueFrom:',
        '                secretKeyRef: {name: aws, key: secret}',
        '            - name: FROM_CONFIG',
        '              valueFrom:',
        '                configMapKeyRef: {name: c, key: k}',
        '            - value: no-name',
        '',
      ].join('\n'),
    })
    expect(result.graph.facts.workloads[0]!.containers).toEqual([
      {
        name: 'init',
        init: true,
        location: at('deploy.yaml', 9, 11),
        env: [
          {
            name: 'AWS_ROLE_ARN',
            location: at('deploy.yaml', 11, 21),
            value: { kind: 'known', value: 'arn:aws:iam::210987654321:role/x', location: at('deploy.yaml', 12, 22) },
          },
        ],
      },
      {
        name: 'app',
        init: false,
        location: at('deploy.yaml', 14, 11),
        env: [
          {
            name: 'PORT',
            location: at('deploy.yaml', 16, 21),
            value: { kind: 'known', value: '8080', location: at('deploy.yaml', 17, 22) },
          },
          {
            name: 'EMPTY',
            location: at('deploy.yaml', 18, 21),
            value: { kind: 'known', value: '', location: at('deploy.yaml', 18, 21) },
          },
          { name: 'AWS_SECRET_ACCESS_KEY', location: at('deploy.yaml', 19, 21), fromSecret: true },
          { name: 'FROM_CONFIG', location: at('deploy.yaml', 22, 21), fromSecret: false },
        ],
      },
    ])
  })

  it('tags the annotations and labels of an object and of its pod template', async () => {
    const result = await scanFiles({
      'cron.yaml': [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: nightly',
        '  annotations: {a: "1"}',
        '  labels: {l: x}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        metadata:',
        '          annotations: {ta: "2"}',
        '          labels: {tl: y}',
        '        spec:',
        '          containers: [{name: c}]',
        '',
      ].join('\n'),
    })
    expect(
      result.graph.facts.objects[0]!.annotations.map(
        (annotation) => `${annotation.where}:${annotation.key}@${annotation.keyLocation.line}`,
      ),
    ).toEqual(['annotations:a@5', 'labels:l@6', 'template-annotations:ta@12', 'template-labels:tl@13'])
  })
})

function accountOf(workload: Workload): string {
  const name = workload.serviceAccountName
  if (!name) return 'default'
  return `${name.kind === 'known' ? name.value : name.expression}@${name.location.line}`
}
