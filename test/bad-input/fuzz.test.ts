import fc from 'fast-check'
import { analyse } from '../../src/check.js'
import { defaultConfig } from '../../src/config.js'
import { decodeText } from '../../src/discover/read.js'
import type { Location } from '../../src/model/location.js'
import { readKubernetesFile } from '../../src/sources/kubernetes/index.js'
import { commentSuppressions } from '../../src/sources/shared/suppressions.js'
import { parseYamlTree } from '../../src/sources/shared/yaml-tree.js'

const VALID_MANIFEST = `# irsa-guard:ignore role-not-found the role lives in the platform repository
apiVersion: v1
kind: ServiceAccount
metadata:
  name: app
  namespace: prod
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::345678901234:role/app
    eks.amazonaws.com/audience: sts.amazonaws.com
    irsa-guard.io/ignore: "audience-mismatch: custom audience on purpose"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: prod
spec:
  template:
    metadata:
      annotations: {eks.amazonaws.com/token-expiration: "3600"}
    spec:
      serviceAccountName: app
      initContainers:
        - name: init
          env: [{name: AWS_REGION, value: eu-west-1}]
      containers:
        - name: app
          env:
            - name: AWS_ROLE_ARN
              value: arn:aws:iam::345678901234:role/app
            - name: SECRET
              valueFrom: {secretKeyRef: {name: s, key: k}}
---
apiVersion: v1
kind: List
items:
  - &item
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: nightly}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              serviceAccount: app
              containers: [{name: job}]
  - <<: *item
    metadata: {name: copy}
`

/** Characters that make YAML interesting. */
const YAML_CHARACTERS = fc.constantFrom(
  ...':-? \n\t{}[],&*!|>"\'#%@`~.0aZ\\\r\u00e9\ufeff\u0000'.split(''),
  '---\n',
  '...\n',
  '{{ x }}',
  '<<: *a',
  '&a ',
  'yes',
  '- ',
)

type Mutation = { at: number; kind: 'insert' | 'delete' | 'duplicate-line' | 'indent'; text: string; length: number }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'duplicate-line', 'indent'),
  text: fc.string({ unit: YAML_CHARACTERS, maxLength: 6 }),
  length: fc.integer({ min: 1, max: 40 }),
})

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text
  for (const { at, kind, text: inserted, length } of mutations) {
    const position = result.length === 0 ? 0 : at % result.length
    if (kind === 'insert') result = result.slice(0, position) + inserted + result.slice(position)
    else if (kind === 'delete') result = result.slice(0, position) + result.slice(position + length)
    else {
      const lines = result.split('\n')
      const index = lines.length === 0 ? 0 : at % lines.length
      if (kind === 'duplicate-line') lines.splice(index, 0, lines[index] ?? '')
      else lines[index] = ` ${lines[index] ?? ''}`
      result = lines.join('\n')
    }
  }
  return result
}

function expectWithin(text: string, location: Location): void {
  const lineCount = text.split('\n').length
  expect(location.line).toBeGreaterThanOrEqual(1)
  expect(location.line).toBeLessThanOrEqual(lineCount)
  expect(location.column).toBeGreaterThanOrEqual(1)
}

/** The messages bad input may produce; anything else (the catch-all "Cannot read k8s/fuzz.yaml: …") is a bug. */
const EXPECTED_PROBLEM =
  /^(Cannot parse YAML: |Cannot read YAML: (nesting deeper than|more than \d+ alias expansions|aliases expand to more than)|Duplicate key ")/

function readsWithoutThrowing(text: string): void {
  const result = readKubernetesFile({ path: 'k8s/fuzz.yaml', kind: 'kubernetes', text })
  for (const finding of result.findings) {
    expect(finding.message).toMatch(EXPECTED_PROBLEM)
    expectWithin(text, finding.location)
  }
  for (const account of result.facts.serviceAccounts ?? []) expectWithin(text, account.location)
  for (const suppression of result.suppressions) expect(suppression.toLine).toBeGreaterThanOrEqual(suppression.fromLine)
}

describe('fuzzing the YAML reader and the Kubernetes source', () => {
  it('parseYamlTree never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: YAML_CHARACTERS, maxLength: 200 })),
        (text) => {
          for (const version of ['1.1', '1.2'] as const) {
            const tree = parseYamlTree('f.yaml', text, { version })
            for (const finding of tree.findings) {
              expect(finding.message).toMatch(EXPECTED_PROBLEM)
              expect(finding.location.line).toBeGreaterThanOrEqual(1)
            }
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('the Kubernetes source never throws on arbitrary text, and locates what it reports', () => {
    fc.assert(
      fc.property(fc.string({ unit: YAML_CHARACTERS, maxLength: 300 }), (text) => readsWithoutThrowing(decoded(text))),
      { numRuns: 500 },
    )
  })

  it('the Kubernetes source never throws on mutated valid manifests', () => {
    expect(readKubernetesFile({ path: 'k8s/fuzz.yaml', kind: 'kubernetes', text: VALID_MANIFEST }).findings).toEqual([])
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) =>
        readsWithoutThrowing(decoded(mutate(VALID_MANIFEST, mutations))),
      ),
      { numRuns: 300 },
    )
  })

  it('the whole engine never throws on mutated manifests', () => {
    const config = defaultConfig()
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        const text = decoded(mutate(VALID_MANIFEST, mutations))
        const result = analyse([{ path: 'k8s/fuzz.yaml', kind: 'kubernetes', text }], 1, config)
        for (const finding of result.findings) expect(finding.location.path).toBe('k8s/fuzz.yaml')
      }),
      { numRuns: 200 },
    )
  })

  it('comment suppressions never throw and stay inside the file', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('#', '/', '*', ' ', '\n', 'irsa-guard:ignore', 'a', ',', ':', '-'),
          maxLength: 80,
        }),
        (text) => {
          for (const suppression of commentSuppressions('f.tf', text, ['#', '//', '/*'])) {
            expect(suppression.toLine).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

/** What a source receives: text as decodeText leaves it (line ends normalised). */
function decoded(text: string): string {
  const result = decodeText('k8s/fuzz.yaml', Buffer.from(text, 'utf8'))
  return result.ok ? result.text : ''
}
