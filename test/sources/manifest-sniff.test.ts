import { parseAllDocuments } from 'yaml'
import { check } from '../../src/check.js'
import { readKubernetesFile } from '../../src/sources/kubernetes/index.js'
import { keepParts, splitManifest, type ManifestPart } from '../../src/sources/kubernetes/manifest-sniff.js'
import { parseYamlTree, type YamlDocumentTree } from '../../src/sources/shared/yaml-tree.js'
import { linesOf } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { ADVERSARIAL_MANIFESTS } from '../bench/adversarial-manifests.js'

afterAll(removeTempRepos)

const at = (path: string, line: number, column: number) => ({ path, line, column })

function partsOf(text: string): [string, boolean][] {
  return (splitManifest(text) ?? []).map((part) => [text.slice(part.start, part.end), part.relevant])
}

function relevanceOf(document: string): boolean {
  return partsOf(`kind: Namespace\n---\n${document}\n`)[1]![1]
}

function names(values: { name: { kind: string; value?: string } }[]): string[] {
  return values.map((value) => value.name.value ?? '?')
}

describe('splitManifest: where documents begin', () => {
  it('cuts at --- and ... lines followed by a space, a tab, a line break or the end, and nowhere else', () => {
    const text = [
      'a: 1',
      '--- ',
      'b: 2',
      '---\t# c',
      'c: 3',
      '----',
      ' ---',
      '---#x',
      '...',
      'd: 4',
      '--- |',
      '  e',
      '---',
    ].join('\n')
    expect(partsOf(text).map(([part]) => part)).toEqual([
      'a: 1\n',
      '--- \nb: 2\n',
      '---\t# c\nc: 3\n----\n ---\n---#x\n',
      '...\nd: 4\n',
      '--- |\n  e\n',
      '---',
    ])
  })

  it('starts a line only after \\n, as the yaml lexer does (CRLF, not a lone CR)', () => {
    expect(partsOf('a: 1\r\n---\r\nb: 2\r---\r\n').map(([part]) => part)).toEqual(['a: 1\r\n', '---\r\nb: 2\r---\r\n'])
  })

  it('reads whole a file with a directive or template expressions', () => {
    expect(splitManifest('%YAML 1.1\n---\na: 1\n')).toBeUndefined()
    expect(splitManifest('a: 1\n---\n\uFEFF%TAG ! tag:example.com,2000:\n---\nb: 2\n')).toBeUndefined()
    expect(splitManifest('a: {{ .Values.a }}\n---\nb: 2\n')).toBeUndefined()
  })
})

describe('splitManifest: which documents may matter', () => {
  it.each([
    ['the ServiceAccount kind', 'kind: ServiceAccount'],
    ['serviceAccountName', 'spec: {serviceAccountName: app}'],
    ['the deprecated serviceAccount field', 'spec: {serviceAccount: app}'],
    ['eks', 'metadata: {annotations: {eks.example.com/x: y}}'],
    ['aws, in any case', 'env: [{name: AWS_REGION}]'],
    ['amazon', 'image: amazonlinux'],
    ['role', 'metadata: {annotations: {example.com/Role: y}}'],
    ['a suppression', 'metadata: {annotations: {irsa-guard.io/ignore: x}}'],
    ['a pod template (a workload runs as the default ServiceAccount)', 'kind: Deployment\nspec: {template: {}}'],
    ["a CronJob's job template", 'kind: CronJob\nspec: {jobTemplate: {}}'],
    ['the Pod kind', 'kind: Pod\nspec: {}'],
    ['the Pod kind, quoted', 'kind: "Pod"'],
    ['letters split by line breaks', 'metadata:\n  annotations:\n    ? r\n      o l\n      e\n    : x'],
    ['a backslash (an escape can spell any letter)', 'data: {key: "\\x72ole"}'],
    ['a character outside ASCII', `data: {key: "caf\u00e9"}`],
    ['the Kelvin sign, which lower-cases to k', 'data: {key: "e\u212As"}'],
  ])('%s', (_what, document) => {
    expect(relevanceOf(document)).toBe(true)
  })

  it.each([
    ['a Service', 'kind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}'],
    ['letters split by other characters', 'data: {a: r-o-l-e, b: e_ks, c: a.w.s}'],
    ['a PodDisruptionBudget', 'kind: PodDisruptionBudget\nspec: {selector: {matchLabels: {app: web}}}'],
    ['a NetworkPolicy', 'kind: NetworkPolicy\nspec: {podSelector: {}, policyTypes: [Ingress]}'],
  ])('not %s', (_what, document) => {
    expect(relevanceOf(document)).toBe(false)
  })

  it('keeps the document holding the last quote when a relevant one follows: nothing may close it, and it would run over that one', () => {
    const swallowing = 'kind: ConfigMap\ndata: {motd: "unterminated}\n'
    expect(partsOf(`${swallowing}---\nkind: ServiceAccount\n`).map(([, relevant]) => relevant)).toEqual([true, true])
    expect(partsOf(`kind: ServiceAccount\n---\n${swallowing}`).map(([, relevant]) => relevant)).toEqual([true, false])
    expect(
      partsOf(`data: {a: "x"}\n---\ndata: {b: 'y'}\n---\nkind: ServiceAccount\n---\ndata: {c: "z"}\n`).map(
        ([, relevant]) => relevant,
      ),
    ).toEqual([false, true, true, false])
  })

  it('keeps a document that opens with ] or } (its parse error goes to the document before it)', () => {
    expect(
      partsOf('kind: ServiceAccount\n---\n# a comment\n!tag &anchor\n]\n...\n}\n---\n!tag ok\n').map(
        ([, relevant]) => relevant,
      ),
    ).toEqual([true, true, true, false])
  })
})

describe('keepParts', () => {
  it('leaves the boundary and the line breaks of a dropped part, CRLF included, and every kept character in place', () => {
    const text = 'kind: Service\r\nmetadata: {name: a}\r\n--- # sa\r\nkind: ServiceAccount\r\n...\r\nkind: Service\r\n'
    const parts = splitManifest(text)!
    expect(parts.map((part) => part.relevant)).toEqual([false, true, false])
    expect(keepParts(text, parts, (part) => part.relevant)).toBe(
      '\r\n\r\n--- # sa\r\nkind: ServiceAccount\r\n...\r\n\r\n',
    )
  })
})

describe('readKubernetesFile with sniffing', () => {
  const file = (text: string) => ({ path: 'k8s/app.yaml', kind: 'kubernetes' as const, text })
  const mixed = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web, namespace: shop}',
    '---',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    '  annotations:',
    '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/web',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: settings, namespace: shop}',
    'data:',
    '  key: [closed]',
    '',
  ].join('\r\n')
  const broken = mixed.replace('[closed]', '[unclosed')

  it('reads only the documents that may matter, at the same lines and columns (CRLF)', () => {
    const sniffed = readKubernetesFile(file(mixed), { sniff: true })
    const whole = readKubernetesFile(file(mixed), { sniff: false })
    expect(names(sniffed.facts.objects!)).toEqual(['web'])
    expect(names(whole.facts.objects!)).toEqual(['web', 'web', 'settings'])
    expect(sniffed.facts.serviceAccounts).toEqual(whole.facts.serviceAccounts)
    expect(sniffed.facts.serviceAccounts![0]).toMatchObject({
      location: at('k8s/app.yaml', 8, 3),
      roleArn: { kind: 'known', value: 'arn:aws:iam::210987654321:role/web', location: at('k8s/app.yaml', 11, 33) },
    })
  })

  it('reads the whole file, reporting the parse error as without sniffing, when a document it skips does not parse', () => {
    const sniffed = readKubernetesFile(file(broken), { sniff: true })
    expect(sniffed).toEqual(readKubernetesFile(file(broken), { sniff: false }))
    expect(sniffed.findings).toEqual([
      {
        ruleId: 'parse-error',
        location: at('k8s/app.yaml', 17, 16),
        message:
          'Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing in this document was checked',
        // The document holds no IRSA content: a note, never a failed check.
        level: 'note',
      },
    ])
    expect(names(sniffed.facts.objects!)).toEqual(['web', 'web'])
  })

  it('reads the whole file when the documents it skips hold what only the yaml package checks (an alias, a tag, a lone CR)', () => {
    for (const value of ['*anchor', '!!str text', '[closed] # a lone\rCR']) {
      const text = mixed.replace('[closed]', value)
      const sniffed = readKubernetesFile(file(text), { sniff: true })
      expect(sniffed).toEqual(readKubernetesFile(file(text), { sniff: false }))
      expect(names(sniffed.facts.objects!)).toEqual(['web', 'web', 'settings'])
      expect(sniffed.findings).toEqual([])
    }
  })

  it('reads everything without a context, or with sniff false', () => {
    expect(names(readKubernetesFile(file(mixed)).facts.objects!)).toEqual(['web', 'web', 'settings'])
  })

  it('reads every workload a rule may look up by kind and name', () => {
    const sameName = ADVERSARIAL_MANIFESTS['k8s/same-name.yaml']!
    expect(splitManifest(sameName)!.map((part) => part.relevant)).toEqual([true, true])
    expect(readKubernetesFile(file(sameName), { sniff: true })).toEqual(readKubernetesFile(file(sameName)))
  })

  it('parses the whole text when a kept document does not parse (a quote in a skipped one ends it elsewhere)', () => {
    const unclosed = ADVERSARIAL_MANIFESTS['k8s/unclosed.yaml']!
    expect(splitManifest(unclosed)!.map((part) => part.relevant)).toEqual([true, false])
    expect(readKubernetesFile(file(unclosed), { sniff: true }).findings).toEqual([
      {
        ruleId: 'parse-error',
        location: at('k8s/app.yaml', 4, 18),
        message: 'Cannot parse YAML: Missing closing "quote; nothing in this document was checked',
      },
    ])
  })
})

describe('the engine with sniffing', () => {
  it('reports every near miss of the role-arn key, however it is spelled', async () => {
    const root = tempRepo({ 'k8s/near-misses.yaml': ADVERSARIAL_MANIFESTS['k8s/near-misses.yaml']! })
    const sniffed = await check({ root, workers: 0, sniff: true })
    const place =
      'the webhook reads eks.amazonaws.com/role-arn only on ServiceAccounts: put it in the metadata.annotations of the ServiceAccount the pods run as'
    const misspelt = 'is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads'
    expect(linesOf(sniffed)).toEqual([
      `k8s/near-misses.yaml:7:5: error: annotation "eks.amazon.com/role-arn" on ConfigMap shop/typo-domain ${misspelt}; ${place} [annotation-key-typo]`,
      `k8s/near-misses.yaml:15:5: error: annotation "e ks.amazonaws.com/role-arn" on Service shop/stray-space has stray whitespace, so it is not eks.amazonaws.com/role-arn to the EKS webhook; ${place} [annotation-key-typo]`,
      'k8s/near-misses.yaml:21:68: error: eks.amazonaws.com/role-arn "x" is an annotation on Ingress shop/escaped, where the EKS webhook never reads it (only ServiceAccount annotations); put it in the metadata.annotations of the ServiceAccount the pods run as [annotation-wrong-object]',
      `k8s/near-misses.yaml:29:5: error: annotation "EKS.AMAZONAWS.COM/ROLE-ARN" on ConfigMap shop/upper-case differs in letter case from eks.amazonaws.com/role-arn (keys are case-sensitive), so the EKS webhook does not read it; ${place} [annotation-key-typo]`,
      `k8s/near-misses.yaml:37:5: error: annotation "e\u212As.amaz0na_s.com/r0le-arn" on ConfigMap shop/kelvin ${misspelt}; ${place} [annotation-key-typo]`,
      `k8s/near-misses.yaml:45:7: error: annotation "e ks.amaz0na_s.com/r0le-arn" on Service shop/folded-key ${misspelt}; ${place} [annotation-key-typo]`,
    ])
    // Rules look up the workload of each of these objects by name, so the file is read whole (its plain Service too).
    expect(names(sniffed.graph.facts.objects)).toEqual([
      'typo-domain',
      'stray-space',
      'escaped',
      'upper-case',
      'kelvin',
      'folded-key',
      'plain',
    ])
  })

  it('reads the ServiceAccount swallowed by an unclosed quote exactly as when reading everything: not at all', async () => {
    const root = tempRepo({ 'k8s/swallowed.yaml': ADVERSARIAL_MANIFESTS['k8s/swallowed.yaml']! })
    const sniffed = await check({ root, workers: 0, sniff: true })
    expect(linesOf(sniffed)).toEqual([
      'k8s/swallowed.yaml:10:17: warning: Cannot parse YAML: Missing closing "quote; nothing in this document was checked [parse-error]',
    ])
    expect(sniffed.graph.facts.serviceAccounts).toEqual([])
  })

  it('keeps the parse error a stray ] gives the document before it', async () => {
    const root = tempRepo({ 'k8s/stray-bracket.yaml': ADVERSARIAL_MANIFESTS['k8s/stray-bracket.yaml']! })
    const sniffed = await check({ root, workers: 0, sniff: true })
    expect(linesOf(sniffed)).toEqual([
      'k8s/stray-bracket.yaml:7:1: note: Cannot parse YAML: Unexpected flow-seq-end token in YAML document: "]"; nothing in this document was checked [parse-error]',
    ])
    expect(names(sniffed.graph.facts.serviceAccounts)).toEqual(['after-bracket'])
  })

  it('reads every document of a Kustomize build whose patches or common annotations may reach them', async () => {
    const files = Object.fromEntries(
      Object.entries(ADVERSARIAL_MANIFESTS).filter(
        ([path]) => path.startsWith('kust/prod/') || path.startsWith('kust/labelled/'),
      ),
    )
    const sniffed = await check({ root: tempRepo(files), workers: 0, sniff: true })
    expect(linesOf(sniffed, 'parse-error')).toEqual([
      'kust/prod/kustomization.yaml:7:5: warning: No resource of the build matches the patch for StatefulSet nowhere (kustomize build fails) [parse-error]',
    ])
    const objects = sniffed.graph.facts.objects.map(
      (object) =>
        `${object.namespace.kind === 'known' ? object.namespace.value : '?'}/${object.kind}/${object.name.kind === 'known' ? object.name.value : '?'}`,
    )
    // The patched build reads its Deployment, Service and ConfigMap; the labelled one only what may matter (its workload and ServiceAccount).
    expect(objects).toEqual([
      'labelled/Deployment/api',
      'labelled/ServiceAccount/api',
      'prod/Deployment/prod-api',
      'prod/Service/prod-api',
      'prod/ConfigMap/prod-api-settings',
      'prod/ServiceAccount/prod-api',
    ])
  })
})

/*
 * The yaml package reads a stream document by document; a kept document must parse to the same
 * tree whatever the skipped ones held. Random streams of awkward pieces (broken ones too): when
 * the kept text parses without errors, its documents are those of the whole text's kept parts,
 * and none of those had errors.
 */
describe('keepParts: kept documents parse as in the whole text', () => {
  const pieces = [
    'kind: Service\nmetadata:\n  name: a\n',
    'a: [1, 2\n',
    'a: {b: 1\n',
    'a: "unterminated\n',
    "a: 'unterminated\n  more\n",
    'a: |\n  text\n  more\n',
    '|\ntop level block\n',
    'plain\nmulti line\n',
    'a:\n\tb: 1\n',
    'a: 1\n b: 2\n',
    '# a comment\n',
    '',
    'a: &x {b: 1}\nc: *x\n',
    '- a\n- b\n',
    '[1, 2,\n',
    '"quoted\n  key": 1\n',
    '? complex\n: value\n',
    'a: b: c\n',
    ']\n',
    '}\n',
    '!t ]\n',
    'x: "it\'s"\n',
    "x: 'it''s'\n",
    "x: it's\n",
    "''\n",
    "'''\n",
    '# "\n',
    'k: v\n',
    'k:\n  - a\n  - b\n',
    'k: [\n  1,\n  2]\n',
    'k: >-\n\n  x\n\n',
  ]
  const boundaries = [
    '---\n',
    '--- \n',
    '---\t# c\n',
    '...\n',
    '... # c\n',
    '--- |\n  x\n',
    '--- !!map\n',
    '--- {a: 1\n',
    '--- "a\n',
    '--- ]\n',
    '... ]\n',
    '----\n',
    ' ---\n',
  ]
  let seed = 20240601
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const meaningful = (document: YamlDocumentTree): boolean =>
    document.root !== undefined && !(document.root.kind === 'scalar' && document.root.type === 'null')

  it('on 3000 random streams', () => {
    let compared = 0
    for (let round = 0; round < 3000; round += 1) {
      let text = ''
      for (let index = 0, count = 1 + Math.floor(random() * 5); index < count; index += 1) {
        text +=
          (index === 0 && random() < 0.5 ? '' : pick(boundaries)) + (random() < 0.4 ? '# aws\n' : '') + pick(pieces)
      }
      if (random() < 0.3) text = text.replace(/\n/g, '\r\n')
      const parts = splitManifest(text)
      if (!parts || parts.every((part) => part.relevant)) continue
      const kept = keepParts(text, parts, (part) => part.relevant)
      expect(kept.split('\n').length).toBe(text.split('\n').length)
      const tree = parseYamlTree('f.yaml', kept, { version: '1.1' })
      if (tree.findings.length > 0) continue // the reader parses the whole text then
      const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length
      const partAt = (line: number): ManifestPart =>
        parts.find((part) => lineOf(part.start) <= line && line <= lineOf(Math.max(part.start, part.end - 1)))!
      const whole = parseYamlTree('f.yaml', text, { version: '1.1' })
      const erroring = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, strict: false })
        .filter((document) => document.errors.length > 0)
        .map((document) => lineOf(document.range[0]))
      expect(erroring.length).toBe(whole.findings.length)
      expect(erroring.filter((line) => partAt(line).relevant)).toEqual([])
      expect(tree.documents.filter(meaningful)).toEqual(
        whole.documents.filter((document) => meaningful(document) && partAt(document.location.line).relevant),
      )
      compared += 1
    }
    expect(compared).toBeGreaterThan(500)
  })
})
