#!/usr/bin/env node
/**
 * Generates a realistic platform monorepo of exactly N files, the same for the same seed:
 * about 60% Kubernetes YAML (many multi-document), 25% Terraform in module and stack directories,
 * 10% JSON (half IAM policies, half unrelated) and 5% unrelated files (README, Python, PNG bytes).
 * A few percent of the services carry an IRSA chain (ServiceAccount annotation + trust policy in
 * JSON or Terraform); about a quarter of those chains are broken in one of the usual ways.
 *
 *   node bench/generate.mjs --files 10000 [--seed 1] [--profile generated|realistic|adversarial] [--out .bench/repo-10k]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { adversarialRepository, realisticRepository } from './profiles.mjs'

/** Bump when the output changes, so cached repositories are regenerated. */
export const GENERATOR_VERSION = 2
/** `generated` is this file's shape (the default, comparable with earlier results); the others are in profiles.mjs. */
export const PROFILES = ['generated', 'realistic', 'adversarial']

const SHARE = { kubernetes: 0.6, terraform: 0.25, json: 0.1 }
/** Share of services with an IRSA chain, and of those chains that are broken. */
const IRSA_SHARE = 0.05
const BROKEN_SHARE = 0.25

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2']
const ENVIRONMENTS = ['prod', 'staging', 'dev']
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
  'inventory',
  'growth',
  'support',
  'media',
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
  'backfill',
  'auditor',
  'mailer',
  'resolver',
  'tracker',
  'importer',
]
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
  'ledger',
  'order',
  'user',
  'price',
  'event',
  'report',
  'media',
  'token',
  'quota',
]

/** mulberry32: small, fast and good enough for test data. */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Generator {
  constructor(seed) {
    this.next = random(seed)
    this.files = new Map()
    this.accounts = { prod: this.digits(12), staging: this.digits(12), dev: this.digits(12) }
    this.clusters = Object.fromEntries(
      ENVIRONMENTS.map((env) => [env, { region: this.pick(REGIONS), id: this.hex(32).toUpperCase() }]),
    )
    this.chains = { total: 0, broken: 0, json: 0, terraform: 0 }
  }

  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p) {
    return this.next() < p
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)]
  }
  digits(count) {
    let out = String(this.int(1, 9))
    while (out.length < count) out += String(this.int(0, 9))
    return out
  }
  hex(count) {
    let out = ''
    while (out.length < count) out += this.int(0, 15).toString(16)
    return out
  }
  issuer(env) {
    const cluster = this.clusters[env]
    return `oidc.eks.${cluster.region}.amazonaws.com/id/${cluster.id}`
  }
  add(filePath, content) {
    this.files.set(filePath, content)
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes

export function deploymentYaml(g, service) {
  const { name, namespace, domain, serviceAccount } = service
  const env = []
  for (let index = 0, count = g.int(1, 6); index < count; index += 1) {
    if (g.chance(0.3))
      env.push(
        `            - name: SECRET_${index}\n              valueFrom:\n                secretKeyRef:\n                  name: ${name}-secrets\n                  key: key-${index}`,
      )
    else
      env.push(
        `            - name: SETTING_${index}\n              value: "${g.pick(['info', 'true', '30s', 'eu', String(g.int(1, 9999))])}"`,
      )
  }
  const documents = [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: ${domain}
    app.kubernetes.io/managed-by: kustomize
spec:
  replicas: ${g.int(1, 12)}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: ${domain}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
${serviceAccount ? `      serviceAccountName: ${serviceAccount}\n` : ''}      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: ${name}
          image: ${g.accounts.prod}.dkr.ecr.eu-west-1.amazonaws.com/${domain}/${name}:${g.int(1, 9)}.${g.int(0, 40)}.${g.int(0, 200)}
          imagePullPolicy: IfNotPresent
          args: ["--port=8080", "--metrics-port=9090"]
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
          env:
${env.join('\n')}
          resources:
            requests:
              cpu: ${g.int(50, 900)}m
              memory: ${g.int(64, 2048)}Mi
            limits:
              memory: ${g.int(2048, 4096)}Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /livez
              port: http
            initialDelaySeconds: 15
`,
    `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`,
  ]
  if (g.chance(0.5)) {
    documents.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: ${g.int(4, 40)}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${g.int(50, 85)}
`)
  }
  if (g.chance(0.4)) {
    documents.push(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`)
  }
  return documents.join('---\n')
}

function cronJobYaml(g, service) {
  const { name, namespace, serviceAccount } = service
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}-nightly
  namespace: ${namespace}
spec:
  schedule: "${g.int(0, 59)} ${g.int(0, 23)} * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
${serviceAccount ? `          serviceAccountName: ${serviceAccount}\n` : ''}          restartPolicy: OnFailure
          containers:
            - name: job
              image: ${g.accounts.prod}.dkr.ecr.eu-west-1.amazonaws.com/${name}:latest
              args: ["run", "--mode=nightly"]
`
}

export function configMapYaml(g, service) {
  const lines = []
  for (let index = 0, count = g.int(3, 25); index < count; index += 1)
    lines.push(`  ${g.pick(ADJECTIVES)}.${g.pick(NOUNS)}.${index}: "${g.hex(g.int(4, 40))}"`)
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${service.name}-config
  namespace: ${service.namespace}
data:
${lines.join('\n')}
  application.yaml: |
    server:
      port: 8080
    logging:
      level: ${g.pick(['info', 'debug', 'warn'])}
`
}

export function ingressYaml(g, service) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${service.name}
  namespace: ${service.namespace}
  annotations:
    alb.ingress.kubernetes.io/scheme: internal
    alb.ingress.kubernetes.io/target-type: ip
spec:
  ingressClassName: alb
  rules:
    - host: ${service.name}.${service.domain}.internal.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${service.name}
                port:
                  number: 80
`
}

function networkPolicyYaml(g, service) {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${service.name}-ingress
  namespace: ${service.namespace}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${service.name}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${g.pick(DOMAINS)}
      ports:
        - port: 8080
`
}

export function kustomizationYaml(files, service) {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${service.namespace}
resources:
${files.map((file) => `  - ${file}`).join('\n')}
commonLabels:
  team: ${service.domain}
`
}

export function serviceAccountYaml(service, annotations) {
  const annotationLines = Object.entries(annotations).map(([key, value]) => `    ${key}: ${value}`)
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${service.serviceAccount}
  namespace: ${service.namespace}
  labels:
    app.kubernetes.io/name: ${service.name}
${annotationLines.length > 0 ? `  annotations:\n${annotationLines.join('\n')}\n` : ''}`
}

// ---------------------------------------------------------------------------------------------
// IRSA chains: the trust policy and the annotation, sometimes broken.

const BREAKAGES = [
  'wrong-namespace',
  'aud-typo',
  'wildcard-in-string-equals',
  'missing-sub',
  'placeholder-account',
  'annotation-typo',
  'role-not-found',
  'wrong-issuer-region',
]

export function chainOf(g, service, env) {
  const broken = g.chance(BROKEN_SHARE) ? g.pick(BREAKAGES) : undefined
  const account = g.accounts[env]
  const roleName = `${env}-${service.domain}-${service.name}`
  const issuer = g.issuer(env)
  const conditionIssuer =
    broken === 'wrong-issuer-region'
      ? issuer.replace(g.clusters[env].region, g.clusters[env].region === 'us-east-1' ? 'us-east-2' : 'us-east-1')
      : issuer
  const subNamespace = broken === 'wrong-namespace' ? `${service.namespace}-old` : service.namespace
  const subName = broken === 'wildcard-in-string-equals' ? `${service.serviceAccount}-*` : service.serviceAccount
  const annotatedAccount = broken === 'placeholder-account' ? '123456789012' : account
  const annotatedRole = broken === 'role-not-found' ? `${roleName}-v2` : roleName
  return {
    broken,
    env,
    account,
    roleName,
    issuer,
    conditionIssuer,
    sub: `system:serviceaccount:${subNamespace}:${subName}`,
    aud: broken === 'aud-typo' ? 'sts.amazon.com' : 'sts.amazonaws.com',
    withSub: broken !== 'missing-sub',
    annotationKey: broken === 'annotation-typo' ? 'eks.amazon.com/role-arn' : 'eks.amazonaws.com/role-arn',
    roleArn: `arn:aws:iam::${annotatedAccount}:role/${annotatedRole}`,
  }
}

export function trustPolicyJson(chain) {
  const condition = { [`${chain.conditionIssuer}:aud`]: chain.aud }
  if (chain.withSub) condition[`${chain.conditionIssuer}:sub`] = chain.sub
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowServiceAccount',
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${chain.account}:oidc-provider/${chain.issuer}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: condition },
        },
      ],
    },
    null,
    2,
  )}\n`
}

// ---------------------------------------------------------------------------------------------
// Terraform

const MODULES = {
  'irsa-role': {
    'main.tf': `data "aws_iam_openid_connect_provider" "cluster" {
  url = "https://\${var.oidc_issuer}"
}

resource "aws_iam_role" "this" {
  name                 = var.name
  path                 = "/"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = data.aws_iam_openid_connect_provider.cluster.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "\${var.oidc_issuer}:sub" = "system:serviceaccount:\${var.namespace}:\${var.service_account}"
          "\${var.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each   = toset(var.policy_arns)
  role       = aws_iam_role.this.name
  policy_arn = each.value
}
`,
    'variables.tf': `variable "name" {
  type = string
}

variable "namespace" {
  type = string
}

variable "service_account" {
  type = string
}

variable "oidc_issuer" {
  type        = string
  description = "Issuer host and path, without https://"
}

variable "policy_arns" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
`,
    'outputs.tf': `output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}
`,
  },
  's3-bucket': {
    'main.tf': `resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
    'variables.tf': `variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
`,
    'outputs.tf': `output "arn" {
  value = aws_s3_bucket.this.arn
}
`,
  },
}

export function terraformStackFiles(g, stack) {
  const { env, domain, region } = stack
  const files = {}
  files['versions.tf'] = `terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.27"
    }
  }
  backend "s3" {
    bucket = "tfstate-${g.accounts[env]}"
    key    = "${env}/${region}/${domain}/terraform.tfstate"
    region = "${region}"
  }
}

provider "aws" {
  region = "${region}"
}
`
  files['locals.tf'] = `locals {
  account_id  = "${g.accounts[env]}"
  environment = "${env}"
  oidc_issuer = "${g.issuer(env)}"
  tags = {
    team        = "${domain}"
    environment = "${env}"
    managed_by  = "terraform"
  }
}
`
  files['main.tf'] = `data "aws_vpc" "main" {
  tags = { Name = "${env}-main" }
}

${terraformResources(g, stack, 'stack')}`
  files['variables.tf'] = `variable "replicas" {
  type    = number
  default = ${g.int(1, 5)}
}

variable "extra_tags" {
  type    = map(string)
  default = {}
}
`
  files['outputs.tf'] = `output "vpc_id" {
  value = data.aws_vpc.main.id
}
`
  return files
}

/** Resources of a stack; `prefix` keeps their addresses unique within the directory. */
export function terraformResources(g, stack, prefix) {
  const { env, domain } = stack
  const resources = []
  for (let index = 0, count = g.int(2, 6); index < count; index += 1) {
    const kind = g.pick(['bucket', 'sg', 'queue', 'role', 'table'])
    const name = `${prefix}_${g.pick(ADJECTIVES)}_${g.pick(NOUNS)}_${index}`
    if (kind === 'bucket') {
      resources.push(`module "${name}" {
  source = "../../../../modules/s3-bucket"
  name   = "${env}-${domain}-${name.replace(/_/g, '-')}"
  tags   = local.tags
}
`)
    } else if (kind === 'sg') {
      resources.push(`resource "aws_security_group" "${name}" {
  name_prefix = "${domain}-${index}-"
  vpc_id      = data.aws_vpc.main.id

  ingress {
    from_port   = ${g.pick([443, 5432, 6379, 8080])}
    to_port     = ${g.pick([443, 5432, 6379, 8080])}
    protocol    = "tcp"
    cidr_blocks = ["10.${g.int(0, 255)}.0.0/16"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}
`)
    } else if (kind === 'queue') {
      resources.push(`resource "aws_sqs_queue" "${name}" {
  name                       = "${env}-${domain}-${name}"
  visibility_timeout_seconds = ${g.int(30, 900)}
  message_retention_seconds  = 1209600
  tags                       = local.tags
}
`)
    } else if (kind === 'table') {
      resources.push(`resource "aws_dynamodb_table" "${name}" {
  name         = "${env}-${domain}-${name}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = local.tags
}
`)
    } else {
      resources.push(`resource "aws_iam_role" "${name}" {
  name = "${env}-${domain}-${name.replace(/_/g, '-')}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "${g.pick(['ec2', 'lambda', 'ecs-tasks'])}.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = local.tags
}
`)
    }
  }
  return resources.join('\n')
}

/** An IRSA chain in Terraform: a module call, or a role and a kubernetes_service_account side by side. */
export function terraformChain(g, chain, service) {
  if (g.chance(0.5)) {
    return `module "${service.name.replace(/-/g, '_')}_irsa" {
  source          = "../../../../modules/irsa-role"
  name            = "${chain.roleName}"
  namespace       = "${service.namespace}"
  service_account = "${service.serviceAccount}"
  oidc_issuer     = local.oidc_issuer
  policy_arns     = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  tags            = local.tags
}
`
  }
  const id = service.name.replace(/-/g, '_')
  const condition = [`"\${local.oidc_issuer}:aud" = "${chain.aud}"`]
  if (chain.withSub) condition.unshift(`"${chain.conditionIssuer}:sub" = "${chain.sub}"`)
  return `resource "aws_iam_role" "${id}" {
  name = "${chain.roleName}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::\${local.account_id}:oidc-provider/\${local.oidc_issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          ${condition.join('\n          ')}
        }
      }
    }]
  })

  tags = local.tags
}

resource "kubernetes_service_account" "${id}" {
  metadata {
    name      = "${service.serviceAccount}-tf"
    namespace = "${service.namespace}"
    annotations = {
      "${chain.annotationKey}" = aws_iam_role.${id}.arn
    }
  }
}
`
}

// ---------------------------------------------------------------------------------------------
// JSON and unrelated files

export function permissionPolicyJson(g, service) {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [
            `arn:aws:s3:::${service.domain}-${service.name}`,
            `arn:aws:s3:::${service.domain}-${service.name}/*`,
          ],
        },
        {
          Sid: 'Queue',
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
          Resource: `arn:aws:sqs:eu-west-1:${g.accounts.prod}:${service.name}-${g.int(1, 99)}`,
        },
      ],
    },
    null,
    2,
  )}\n`
}

function serviceTrustPolicyJson(g) {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: `${g.pick(['ec2', 'lambda', 'ecs-tasks', 'events'])}.amazonaws.com` },
          Action: 'sts:AssumeRole',
        },
      ],
    },
    null,
    2,
  )}\n`
}

export function unrelatedJson(g, service) {
  const kind = g.pick(['package', 'dashboard', 'renovate', 'openapi'])
  if (kind === 'package') {
    return [
      `services/${service.domain}/${service.name}/package.json`,
      `${JSON.stringify({ name: `@${service.domain}/${service.name}`, version: `1.${g.int(0, 30)}.0`, private: true, scripts: { build: 'tsc', test: 'jest' }, dependencies: { express: '^4.19.2', pino: '^9.0.0' } }, null, 2)}\n`,
    ]
  }
  if (kind === 'renovate')
    return [
      `services/${service.domain}/${service.name}/renovate.json`,
      `{\n  "extends": ["config:recommended"],\n  "schedule": ["before 6am on monday"]\n}\n`,
    ]
  if (kind === 'openapi') {
    const paths = {}
    for (let index = 0, count = g.int(3, 30); index < count; index += 1)
      paths[`/v1/${g.pick(NOUNS)}/${index}`] = {
        get: { operationId: `get${index}`, responses: { 200: { description: 'OK' } } },
      }
    return [
      `services/${service.domain}/${service.name}/openapi.json`,
      `${JSON.stringify({ openapi: '3.0.3', info: { title: service.name, version: '1' }, paths }, null, 2)}\n`,
    ]
  }
  const panels = []
  for (let index = 0, count = g.int(4, 40); index < count; index += 1) {
    panels.push({
      id: index,
      type: 'timeseries',
      title: `${g.pick(ADJECTIVES)} ${g.pick(NOUNS)}`,
      gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: index * 8 },
      targets: [{ expr: `sum(rate(http_requests_total{service="${service.name}"}[5m]))`, refId: 'A' }],
    })
  }
  return [
    `dashboards/${service.domain}/${service.name}.json`,
    `${JSON.stringify({ title: service.name, uid: g.hex(9), schemaVersion: 39, panels }, null, 2)}\n`,
  ]
}

export function pythonFile(g) {
  return `import os\nimport logging\n\nlog = logging.getLogger(__name__)\n\n\ndef handler(event, context):\n    bucket = os.environ.get("BUCKET", "${g.hex(8)}")\n    log.info("processing %s", event)\n    return {"bucket": bucket, "count": ${g.int(0, 100)}}\n`
}

function pngBytes(g) {
  const bytes = Buffer.alloc(g.int(200, 4000))
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes)
  for (let index = 12; index < bytes.length; index += 1) bytes[index] = g.int(0, 255)
  return bytes
}

// ---------------------------------------------------------------------------------------------

/** Builds the file map: path → string | Buffer, with exactly `total` files. */
export function generateRepository(total, seed = 1, profile = 'generated') {
  if (!PROFILES.includes(profile)) throw new Error(`not a profile: ${profile} (${PROFILES.join(', ')})`)
  const g = new Generator(seed)
  if (profile !== 'generated') {
    const count = (profile === 'adversarial' ? adversarialRepository : realisticRepository)(g, total)
    return { files: g.files, chains: g.chains, count }
  }
  const quota = {
    kubernetes: Math.round(total * SHARE.kubernetes),
    terraform: Math.round(total * SHARE.terraform),
    json: Math.round(total * SHARE.json),
  }
  quota.other = total - quota.kubernetes - quota.terraform - quota.json
  const count = { kubernetes: 0, terraform: 0, json: 0, other: 0 }
  const put = (category, filePath, content) => {
    if (count[category] >= quota[category] || g.files.has(filePath)) return false
    g.add(filePath, content)
    count[category] += 1
    return true
  }

  g.add('README.md', '# platform monorepo\n\nServices, their manifests and the Terraform behind them.\n')
  g.add('.gitignore', '*.pyc\n__pycache__/\n.terraform/\n*.tfstate\n')
  count.other += 2
  for (const [moduleName, files] of Object.entries(MODULES)) {
    for (const [file, text] of Object.entries(files)) put('terraform', `infra/modules/${moduleName}/${file}`, text)
  }

  const stacks = new Map()
  const stackOf = (env, domain) => {
    const key = `${env}/${domain}`
    let stack = stacks.get(key)
    if (!stack) {
      stack = {
        env,
        domain,
        region: g.clusters[env].region,
        dir: `infra/live/${env}/${g.clusters[env].region}/${domain}`,
        irsa: [],
      }
      stacks.set(key, stack)
      for (const [file, text] of Object.entries(terraformStackFiles(g, stack)))
        put('terraform', `${stack.dir}/${file}`, text)
    }
    return stack
  }

  const namespaces = new Set()
  const services = []
  let serviceIndex = 0
  while (count.kubernetes < quota.kubernetes) {
    const domain = DOMAINS[serviceIndex % DOMAINS.length]
    const name = `${g.pick(ADJECTIVES)}-${g.pick(NOUNS)}-${serviceIndex}`
    serviceIndex += 1
    const namespace = domain
    const env = g.pick(ENVIRONMENTS)
    const irsa = g.chance(IRSA_SHARE)
    const service = { name, domain, namespace, env, serviceAccount: g.chance(0.7) || irsa ? name : undefined }
    services.push(service)
    const dir = `services/${domain}/${name}/deploy`

    if (!namespaces.has(namespace)) {
      namespaces.add(namespace)
      put(
        'kubernetes',
        `platform/namespaces/${namespace}.yaml`,
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n  labels:\n    team: ${domain}\n`,
      )
    }
    const manifests = []
    const manifest = (file, text) => {
      if (put('kubernetes', `${dir}/${file}`, text)) manifests.push(file)
    }
    manifest('deployment.yaml', deploymentYaml(g, service))
    if (g.chance(0.8)) manifest('configmap.yaml', configMapYaml(g, service))
    if (g.chance(0.5)) manifest('ingress.yaml', ingressYaml(g, service))
    if (g.chance(0.4)) manifest('networkpolicy.yaml', networkPolicyYaml(g, service))
    if (g.chance(0.25)) manifest('cronjob.yaml', cronJobYaml(g, service))

    let chain
    if (irsa) {
      chain = chainOf(g, service, env)
      const trust = g.chance(0.4)
        ? put('terraform', `${stackOf(env, domain).dir}/irsa-${name}.tf`, terraformChain(g, chain, service)) &&
          'terraform'
        : put('json', `iam/roles/${chain.roleName}-trust.json`, trustPolicyJson(chain)) && 'json'
      if (trust) {
        g.chains.total += 1
        g.chains[trust] += 1
        if (chain.broken) g.chains.broken += 1
      } else {
        chain = undefined
      }
    }
    if (service.serviceAccount) {
      const annotations = chain ? { [chain.annotationKey]: chain.roleArn } : {}
      if (!chain && g.chance(0.1)) annotations['irsa-guard.io/owner'] = domain
      // A few workloads name a ServiceAccount that nobody defines.
      if (chain || g.chance(0.97)) manifest('serviceaccount.yaml', serviceAccountYaml(service, annotations))
    }
    // Some teams build with Kustomize, others have Argo CD apply the plain manifests.
    if (manifests.length > 2 && g.chance(0.6)) manifest('kustomization.yaml', kustomizationYaml(manifests, service))

    if (g.chance(0.5)) {
      const stack = stackOf(g.pick(ENVIRONMENTS), domain)
      put('terraform', `${stack.dir}/${name}.tf`, terraformResources(g, stack, name.replace(/-/g, '_')))
    }
    if (g.chance(0.4)) put('json', `iam/policies/${domain}/${name}-permissions.json`, permissionPolicyJson(g, service))
    if (g.chance(0.15)) put('json', `iam/roles/${env}-${domain}-${name}-runner-trust.json`, serviceTrustPolicyJson(g))
    if (g.chance(0.5)) put('json', ...unrelatedJson(g, service))
    if (g.chance(0.3)) put('other', `services/${domain}/${name}/README.md`, readme(service))
    if (g.chance(0.2)) put('other', `services/${domain}/${name}/src/handler.py`, pythonFile(g))
    if (g.chance(0.1)) put('other', `services/${domain}/${name}/docs/architecture.png`, pngBytes(g))
  }

  // Top the other categories up to their share with more of the same kinds of files.
  for (let index = 0; count.terraform < quota.terraform; index += 1) {
    const service = g.pick(services)
    const stack = stackOf(g.pick(ENVIRONMENTS), service.domain)
    put(
      'terraform',
      `${stack.dir}/${service.name}-${index}.tf`,
      terraformResources(g, stack, `${service.name.replace(/-/g, '_')}_${index}`),
    )
  }
  for (let index = 0; count.json < quota.json; index += 1) {
    const service = g.pick(services)
    if (g.chance(0.5))
      put(
        'json',
        `iam/policies/${service.domain}/${service.name}-${index}-permissions.json`,
        permissionPolicyJson(g, service),
      )
    else {
      const [filePath, text] = unrelatedJson(g, service)
      put('json', filePath.replace(/\.json$/, `-${index}.json`), text)
    }
  }
  for (let index = 0; count.other < quota.other; index += 1) {
    const service = g.pick(services)
    put('other', `services/${service.domain}/${service.name}/docs/notes-${index}.md`, readme(service))
  }
  return { files: g.files, chains: g.chains, count }
}

function readme(service) {
  return `# ${service.name}\n\nOwned by ${service.domain}. Deployed by Argo CD from \`deploy/\`; infrastructure in \`infra/live/*/*/${service.domain}\`.\n`
}

/** Writes the repository under `outDir` (removed first). */
export function writeRepository(outDir, total, seed = 1, profile = 'generated') {
  const { files, chains, count } = generateRepository(total, seed, profile)
  rmSync(outDir, { recursive: true, force: true })
  const made = new Set()
  let bytes = 0
  for (const [filePath, content] of files) {
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length
    const dir = path.join(outDir, path.dirname(filePath))
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    writeFileSync(path.join(outDir, filePath), content)
  }
  return { files: files.size, bytes, chains, count }
}

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text)
  if (!match) throw new Error(`not a size: ${text}`)
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const option = (name, fallback) => {
    const index = args.indexOf(name)
    return index === -1 ? fallback : args[index + 1]
  }
  const total = parseSize(option('--files', '1000'))
  const seed = Number(option('--seed', '1'))
  const profile = option('--profile', 'generated')
  const out = path.resolve(option('--out', `.bench/repo-${profile === 'generated' ? '' : `${profile}-`}${total}`))
  const started = Date.now()
  const summary = writeRepository(out, total, seed, profile)
  process.stdout.write(
    `${out}: ${summary.files} files (${JSON.stringify(summary.count)}), ${summary.chains.total} IRSA chains (${summary.chains.broken} broken) in ${Date.now() - started} ms\n`,
  )
}
