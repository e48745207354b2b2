/**
 * The bench's other repository shapes (`--profile`), beside `generated` (generate.mjs's own):
 *
 * - `adversarial`: thousands of roles in one account, most links broken. Most ServiceAccount
 *   annotations name a role that lives in another repository under a name close to one defined
 *   here (role-not-found searches the nearest names), some name a role here whose trust policy
 *   accepts another ServiceAccount (trust-denies-service-account looks for the role that would
 *   accept it), and many trust policies accept ServiceAccounts nobody defines
 *   (role-trusts-unknown-service-account). Every rule that relates objects across files is
 *   driven per finding.
 * - `realistic`: a platform monorepo shaped after the real-world trees (see bench/README.md):
 *   Terraform module and stack directories of 3-30 `.tf` files with `.tfvars`, Helm charts
 *   (templates, values per environment), CI workflows, Kustomize services, Grafana dashboards,
 *   app config, Markdown and scripts; about 3% of the files carry IRSA text.
 */
import {
  chainOf,
  configMapYaml,
  deploymentYaml,
  kustomizationYaml,
  pythonFile,
  serviceAccountYaml,
  terraformChain,
  terraformResources,
  terraformStackFiles,
  trustPolicyJson,
  unrelatedJson,
} from './generate.mjs'

const ADJECTIVES = [
  'core',
  'edge',
  'batch',
  'stream',
  'bulk',
  'fast',
  'legacy',
  'next',
  'public',
  'internal',
  'async',
  'order',
  'user',
  'price',
  'event',
  'report',
  'media',
  'token',
]
const NOUNS = [
  'api',
  'worker',
  'gateway',
  'indexer',
  'scheduler',
  'exporter',
  'sync',
  'consumer',
  'publisher',
  'reconciler',
  'renderer',
  'router',
  'cache',
  'ingest',
]

/** One character of a name changed, dropped or doubled: a near miss. */
function nearMiss(g, name) {
  const at = g.int(0, name.length - 1)
  const kind = g.int(0, 2)
  if (kind === 0) return `${name.slice(0, at)}${name[at] === 'x' ? 'y' : 'x'}${name.slice(at + 1)}`
  if (kind === 1 && name.length > 4) return `${name.slice(0, at)}${name.slice(at + 1)}`
  return `${name.slice(0, at)}${name[at]}${name.slice(at)}`
}

export function adversarialRepository(g, total) {
  const quota = {
    roles: Math.round(total * 0.3),
    terraform: Math.round(total * 0.15),
    serviceAccounts: Math.round(total * 0.4),
  }
  quota.deployments = total - quota.roles - quota.terraform - quota.serviceAccounts
  const count = { json: 0, terraform: 0, kubernetes: 0, other: 0 }
  const env = 'prod'
  const account = g.accounts[env]
  const issuer = g.issuer(env)
  const namespaces = Array.from({ length: 60 }, (_, index) => `team-${index}`)
  const roles = []
  const accounts = []
  const subjectOf = () => ({
    namespace: g.pick(namespaces),
    name: `${g.pick(ADJECTIVES)}-${g.pick(NOUNS)}-${g.int(0, total)}`,
  })

  const trust = (subject) => ({
    conditionIssuer: issuer,
    issuer,
    account,
    aud: 'sts.amazonaws.com',
    withSub: true,
    sub: `system:serviceaccount:${subject.namespace}:${subject.name}`,
  })
  for (let index = 0; index < quota.roles; index += 1) {
    const name = `${g.pick(ADJECTIVES)}-${g.pick(NOUNS)}-${index}`
    const subject = subjectOf()
    roles.push({ name, subject })
    g.add(`iam/roles/${subject.namespace}/${name}-trust.json`, trustPolicyJson(trust(subject)))
    count.json += 1
  }
  for (let index = 0; index < quota.terraform; index += 1) {
    const name = `${g.pick(ADJECTIVES)}-${g.pick(NOUNS)}-tf-${index}`
    const subject = subjectOf()
    roles.push({ name, subject })
    const service = { name: `${subject.name}-${index}`, namespace: subject.namespace, serviceAccount: subject.name }
    g.add(
      `infra/roles/${subject.namespace}/${name}.tf`,
      terraformChain(g, { ...trust(subject), roleName: name, annotationKey: 'eks.amazonaws.com/role-arn' }, service),
    )
    count.terraform += 1
  }
  // ServiceAccounts, three to a file.
  for (let file = 0; file < quota.serviceAccounts; file += 1) {
    const documents = []
    for (let index = 0; index < 3; index += 1) {
      const pick = g.next()
      let roleName
      let subject
      if (pick < 0.7) {
        // A role of another repository, named like one of this one's.
        roleName = nearMiss(g, g.pick(roles).name)
        subject = subjectOf()
      } else if (pick < 0.85) {
        // A role of this repository whose trust accepts another ServiceAccount.
        roleName = g.pick(roles).name
        subject = subjectOf()
      } else {
        const role = g.pick(roles)
        roleName = role.name
        subject = role.subject
      }
      accounts.push(subject)
      const service = { name: subject.name, namespace: subject.namespace, serviceAccount: subject.name }
      documents.push(
        serviceAccountYaml(service, { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${account}:role/${roleName}` }),
      )
    }
    g.add(`k8s/service-accounts/${g.pick(namespaces)}/accounts-${file}.yaml`, documents.join('---\n'))
    count.kubernetes += 1
  }
  for (let index = 0; index < quota.deployments; index += 1) {
    const subject = g.chance(0.8) ? g.pick(accounts) : subjectOf()
    const service = {
      name: `${subject.name}-${index}`,
      namespace: subject.namespace,
      domain: subject.namespace,
      serviceAccount: subject.name,
    }
    g.add(`k8s/workloads/${subject.namespace}/${service.name}.yaml`, deploymentYaml(g, service))
    count.kubernetes += 1
  }
  return count
}

const DOMAINS = [
  'payments',
  'checkout',
  'catalog',
  'search',
  'identity',
  'ledger',
  'shipping',
  'notifications',
  'analytics',
  'platform',
  'risk',
  'pricing',
]
const ENVIRONMENTS = ['prod', 'staging', 'dev']
/** Share of services with an IRSA chain: about 2.5% of all files then carry IRSA text (c03 1.5%, c04 2.0%, c07 2.9%). */
const REALISTIC_IRSA_SHARE = 0.3

/** Files in a Terraform directory: mostly 3-6, some up to 15, a few up to 30 (c04: median 4; c07: median 5, 90th percentile 16, most 41). */
function terraformDirectorySize(g) {
  const roll = g.next()
  if (roll < 0.65) return g.int(3, 6)
  if (roll < 0.92) return g.int(7, 15)
  return g.int(16, 30)
}

function helmValues(g, service, annotations) {
  const annotationLines = Object.entries(annotations)
    .map(([key, value]) => `\n    ${key}: ${value}`)
    .join('')
  return `replicaCount: ${g.int(1, 6)}
image:
  repository: registry.example.com/${service.domain}/${service.name}
  tag: "1.${g.int(0, 40)}.${g.int(0, 9)}"
serviceAccount:
  create: true
  name: ${service.serviceAccount}
  annotations: {${annotationLines ? '' : '}'}${annotationLines}${annotationLines ? '\n  }' : ''}
resources:
  requests:
    cpu: ${g.int(50, 500)}m
    memory: ${g.int(64, 1024)}Mi
ingress:
  enabled: ${g.chance(0.5)}
  host: ${service.name}.${service.domain}.internal.example.com
env:
  LOG_LEVEL: ${g.pick(['info', 'debug', 'warn'])}
  FEATURE_FLAGS: "${g.hex(8)}"
`
}

const HELM_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "chart.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "chart.selectorLabels" . | nindent 8 }}
    spec:
      serviceAccountName: {{ .Values.serviceAccount.name }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`
const HELM_SERVICE_ACCOUNT = `{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .Values.serviceAccount.name }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
`
const HELM_HELPERS = `{{- define "chart.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "chart.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
{{- end }}
{{- define "chart.labels" -}}
{{ include "chart.selectorLabels" . }}
{{- end }}
`

function workflowYaml(g, service) {
  return `name: ${service.name}
on:
  push:
    branches: [main]
    paths: ["services/${service.domain}/${service.name}/**"]
  pull_request:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${g.pick([18, 20, 22])}
      - run: npm ci && npm test
      - run: docker build -t ${service.name}:\${{ github.sha }} .
`
}

function applicationYaml(g, service) {
  return `server:
  port: 8080
spring:
  application:
    name: ${service.name}
  datasource:
    url: jdbc:postgresql://${service.domain}-db:5432/${service.name.replace(/-/g, '_')}
management:
  endpoints:
    web:
      exposure:
        include: health,info,prometheus
app:
  queue: ${service.name}-${g.int(1, 99)}
  timeout: ${g.int(1, 60)}s
`
}

function unrelatedDashboard(g, service) {
  const panels = Array.from({ length: g.int(2, 12) }, (_, id) => ({
    id,
    type: g.pick(['timeseries', 'stat', 'table']),
    title: `${service.name} ${g.pick(NOUNS)}`,
    targets: [{ expr: `sum(rate(http_requests_total{app="${service.name}"}[5m]))` }],
  }))
  return `${JSON.stringify({ title: `${service.name} overview`, uid: g.hex(9), schemaVersion: 39, panels }, null, 2)}\n`
}

function tfvars(g, stack) {
  return `environment = "${stack.env}"
region      = "${stack.region}"
replicas    = ${g.int(1, 9)}
tags = {
  team = "${stack.domain}"
}
`
}

/** A platform monorepo shaped after the real-world trees c03, c04 and c07 (see bench/README.md). */
export function realisticRepository(g, total) {
  const count = { yaml: 0, terraform: 0, json: 0, other: 0, irsa: 0 }
  const put = (category, filePath, content) => {
    if (g.files.size >= total || g.files.has(filePath)) return false
    g.add(filePath, content)
    count[category] += 1
    if (/role-arn|AssumeRoleWithWebIdentity/.test(content)) count.irsa += 1
    return true
  }
  const terraformDirectory = (dir, stack, extra = {}) => {
    const size = terraformDirectorySize(g)
    const base = Object.entries(terraformStackFiles(g, stack))
    for (const [file, text] of base.slice(0, Math.min(size, base.length))) put('terraform', `${dir}/${file}`, text)
    for (let index = base.length; index < size; index += 1)
      put(
        'terraform',
        `${dir}/${g.pick(['s3', 'sqs', 'dynamodb', 'security', 'network', 'monitoring'])}-${index}.tf`,
        terraformResources(g, stack, `r${index}`),
      )
    for (const [file, text] of Object.entries(extra)) put('terraform', `${dir}/${file}`, text)
    if (g.chance(0.5)) put('other', `${dir}/terraform.tfvars`, tfvars(g, stack))
    if (g.chance(0.4)) put('other', `${dir}/README.md`, `# ${dir}\n\nApplied by the platform pipeline.\n`)
  }
  put('other', 'README.md', '# platform monorepo\n')
  for (let serviceIndex = 0; g.files.size < total; serviceIndex += 1) {
    const domain = DOMAINS[serviceIndex % DOMAINS.length]
    const env = g.pick(ENVIRONMENTS)
    const name = `${g.pick(ADJECTIVES)}-${g.pick(NOUNS)}-${serviceIndex}`
    const service = { name, domain, namespace: domain, env, serviceAccount: name }
    const region = g.clusters[env].region
    const stack = { env, domain, region, dir: `infra/live/${env}/${region}/${domain}-${serviceIndex}`, irsa: [] }
    const chain = g.chance(REALISTIC_IRSA_SHARE) ? chainOf(g, service, env) : undefined
    const base = `services/${domain}/${name}`

    // Terraform: a stack per service, now and then a shared module.
    const extra = chain && g.chance(0.5) ? { [`irsa-${name}.tf`]: terraformChain(g, chain, service) } : {}
    if (chain || g.chance(0.5)) terraformDirectory(stack.dir, stack, extra)
    if (g.chance(0.15)) terraformDirectory(`infra/modules/${domain}-${g.pick(NOUNS)}-${serviceIndex}`, stack)
    if (chain && Object.keys(extra).length === 0)
      put('json', `iam/roles/${chain.roleName}-trust.json`, trustPolicyJson(chain))
    const annotations = chain ? { [chain.annotationKey]: chain.roleArn } : {}
    if (chain) {
      g.chains.total += 1
      if (chain.broken) g.chains.broken += 1
    }

    if (g.chance(0.55)) {
      // A Helm chart with values per environment.
      const chart = `charts/${name}`
      put(
        'yaml',
        `${chart}/Chart.yaml`,
        `apiVersion: v2\nname: ${name}\nversion: 0.${g.int(1, 30)}.0\nappVersion: "1.0"\n`,
      )
      put('yaml', `${chart}/values.yaml`, helmValues(g, service, {}))
      for (const valuesEnv of ENVIRONMENTS.slice(0, g.int(1, 3)))
        put('yaml', `${chart}/values-${valuesEnv}.yaml`, helmValues(g, service, valuesEnv === env ? annotations : {}))
      put('yaml', `${chart}/templates/deployment.yaml`, HELM_DEPLOYMENT)
      put('yaml', `${chart}/templates/serviceaccount.yaml`, HELM_SERVICE_ACCOUNT)
      put('other', `${chart}/templates/_helpers.tpl`, HELM_HELPERS)
    } else {
      // Plain manifests with Kustomize.
      const manifests = ['deployment.yaml', 'configmap.yaml', 'serviceaccount.yaml']
      put('yaml', `${base}/deploy/deployment.yaml`, deploymentYaml(g, service))
      put('yaml', `${base}/deploy/configmap.yaml`, configMapYaml(g, service))
      put('yaml', `${base}/deploy/serviceaccount.yaml`, serviceAccountYaml(service, annotations))
      put('yaml', `${base}/deploy/kustomization.yaml`, kustomizationYaml(manifests, service))
    }
    if (g.chance(0.6)) put('yaml', `.github/workflows/${name}.yml`, workflowYaml(g, service))
    if (g.chance(0.5)) put('yaml', `${base}/config/application.yaml`, applicationYaml(g, service))
    if (g.chance(0.5)) put('json', ...unrelatedJson(g, service))
    if (g.chance(0.3)) put('json', `dashboards/${domain}/${name}-overview.json`, unrelatedDashboard(g, service))
    put('other', `${base}/README.md`, `# ${name}\n\nOwned by ${domain}.\n`)
    if (g.chance(0.5))
      put(
        'other',
        `${base}/docs/runbook.md`,
        `# ${name} runbook\n\nRestart with \`kubectl rollout restart deployment/${name} -n ${domain}\`.\n`,
      )
    if (g.chance(0.3))
      put(
        'other',
        `scripts/${name}.sh`,
        `#!/bin/sh\nset -eu\nkubectl -n ${domain} get pods -l app.kubernetes.io/name=${name}\n`,
      )
    if (g.chance(0.3)) put('other', `${base}/src/handler.py`, pythonFile(g))
  }
  return count
}
