import { check, type CheckResult } from '../../src/check.js'
import { splitManifest } from '../../src/sources/kubernetes/manifest-sniff.js'
import { formatFindingLine } from '../../src/report/text.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

/*
 * The syntax-error corpus of the YAML hybrid (SourceContext.sniff): valid manifests, each broken
 * in one line by one mutation, must give the same findings (parse errors with their line and
 * message, once each) whether the documents without IRSA content are checked by the fast parser
 * or everything is parsed by the yaml package.
 */

afterAll(removeTempRepos)

/** Documents without IRSA content (the sniff skips them) around ones with it. */
const BASES: readonly string[] = [
  [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    '  labels: {app: web, tier: "front"}',
    'spec:',
    '  ports:',
    '    - port: 80',
    "      name: 'http'",
    '---',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: web',
    '  annotations:',
    '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/web',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: settings',
    'data:',
    '  motd: |',
    '    hello',
    '    world',
    '  list: [a, b]',
    '',
  ].join('\n'),
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      serviceAccountName: api',
    '      containers:',
    '        - name: api',
    '          image: "api:1"',
    '---',
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: api',
    'spec:',
    '  minReplicas: 2',
    '  scaleTargetRef: {kind: Deployment, name: api}',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: api}',
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    '      app: api',
    '  ingress:',
    '    - from:',
    '        - namespaceSelector: {}',
    '',
  ].join('\n'),
  [
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    '  name: worker',
    'spec:',
    '  maxUnavailable: 1',
    '...',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: worker',
    'data:',
    "  greeting: 'it''s fine'",
    '  folded: >-',
    '    one',
    '    two',
    '',
  ].join('\n'),
]

type Mutation = (line: string) => string | undefined

/** One mutation of one line; undefined where it does not apply. */
const MUTATIONS: Record<string, Mutation> = {
  'deleted colon': (line) => (line.includes(':') ? line.replace(':', '') : undefined),
  'one space more': (line) => ` ${line}`,
  'one space less': (line) => (line.startsWith(' ') ? line.slice(1) : undefined),
  'unclosed double quote': (line) => (line.includes(': ') ? line.replace(': ', ': "') : `${line} "`),
  'unclosed single quote': (line) => (line.includes(': ') ? line.replace(': ', ": '") : `${line} '`),
  'tab indentation': (line) => (line.startsWith('  ') ? `\t${line.slice(2)}` : undefined),
  'tab after the colon': (line) => (line.includes(': ') ? line.replace(': ', ':\t') : undefined),
  'duplicate key': (line) => (/^\s*[\w.]+:/.test(line) ? `${line}\n${line}` : undefined),
  'duplicate key, quoted': (line) => {
    const match = /^(\s*)([\w.]+):/.exec(line)
    return match ? `${line}\n${match[1]}"${match[2]}": x` : undefined
  },
  'duplicate null key': (line) => {
    const match = /^(\s*)[\w.]+:/.exec(line)
    return match ? `${match[1]}~: x\n${match[1]}null: y\n${line}` : undefined
  },
  'alias of no anchor': (line) => (line.includes(': ') ? line.replace(/: .*/, ': *nowhere') : undefined),
  'two anchors': (line) => (line.includes(': ') ? line.replace(': ', ': &a &b ') : undefined),
  'anchor on an alias': (line) => (line.includes(': ') ? line.replace(/: .*/, ': &a *b') : undefined),
  'unclosed bracket': (line) => (line.includes(': ') ? line.replace(': ', ': [') : `${line} {`),
  'stray closing bracket': (line) => `${line}\n]`,
  'a lone carriage return': (line) => `${line}\r`,
  'nested mapping on one line': (line) => (line.includes(': ') ? `${line}: x` : undefined),
  'bad escape': (line) => (line.includes(': ') ? line.replace(/: .*/, ': "\\q"') : undefined),
  'comment without a space': (line) => `${line}#x`,
}

function corpus(): Record<string, string> {
  const files: Record<string, string> = {}
  let count = 0
  BASES.forEach((base, baseIndex) => {
    const lines = base.split('\n')
    lines.forEach((line, lineIndex) => {
      if (line === '') return
      for (const [name, mutate] of Object.entries(MUTATIONS)) {
        const mutated = mutate(line)
        if (mutated === undefined) continue
        const text = [...lines.slice(0, lineIndex), mutated, ...lines.slice(lineIndex + 1)].join('\n')
        count += 1
        const slug = `${baseIndex}-${lineIndex + 1}-${name.replace(/ /g, '-')}`
        // Every other file is a Kustomize build's resource, read through the build.
        if (count % 2 === 0) files[`k8s/${slug}.yaml`] = text
        else {
          files[`kust/${slug}/app.yaml`] = text
          files[`kust/${slug}/kustomization.yaml`] = 'resources:\n  - app.yaml\n'
        }
      }
    })
  })
  return files
}

function parseErrors(result: CheckResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'parse-error').map(formatFindingLine)
}

describe('the YAML hybrid on a corpus of syntax errors', () => {
  const files = corpus()
  let hybrid: CheckResult
  let yamlAlone: CheckResult

  beforeAll(async () => {
    const root = tempRepo(files)
    hybrid = await check({ root, workers: 0, sniff: true })
    yamlAlone = await check({ root, workers: 0, sniff: false })
  }, 120_000)

  it('is a corpus of many mutations, most of them errors, many in documents the sniff skips', () => {
    const manifests = Object.entries(files).filter(([path]) => !path.endsWith('kustomization.yaml'))
    expect(manifests.length).toBeGreaterThan(700)
    const brokenFiles = new Set(parseErrors(yamlAlone).map((line) => line.split(':')[0]))
    expect(brokenFiles.size).toBeGreaterThan(400)
    // A broken document the sniff would skip: the fast parser must catch its error.
    const brokenWhereSkipped = manifests.filter(([path, text]) => {
      const parts = splitManifest(text)
      return brokenFiles.has(path) && parts !== undefined && parts.some((part) => !part.relevant)
    })
    expect(brokenWhereSkipped.length).toBeGreaterThan(200)
  })

  it('reports every parse error once, at the line and with the message of the yaml package alone', () => {
    const errors = parseErrors(hybrid)
    expect(errors).toEqual(parseErrors(yamlAlone))
    expect(new Set(errors).size).toBe(errors.length)
  })

  it('finds exactly what the yaml package alone finds', () => {
    expect(JSON.stringify(hybrid.findings)).toBe(JSON.stringify(yamlAlone.findings))
  })

  it('did skip the documents without IRSA content where it could', () => {
    expect(hybrid.graph.facts.objects.length).toBeLessThan(yamlAlone.graph.facts.objects.length * 0.9)
    expect(hybrid.graph.facts.serviceAccounts).toEqual(yamlAlone.graph.facts.serviceAccounts)
  })
})
