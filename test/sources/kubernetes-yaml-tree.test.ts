import type { TreeNode } from '../../src/model/tree.js'
import { parseYamlTree } from '../../src/sources/shared/yaml-tree.js'

/** The tree as plain data with `line:column` positions, for readable expectations. */
function plain(node: TreeNode | undefined): unknown {
  if (!node) return undefined
  const at = `${node.location.line}:${node.location.column}`
  if (node.kind === 'scalar')
    return `${node.value.kind === 'known' ? node.value.value : `?${node.value.expression}`} (${node.type} ${at})`
  if (node.kind === 'array') return node.items.map(plain)
  return Object.fromEntries(
    node.entries.map((entry) => [
      `${entry.key}@${entry.keyLocation.line}:${entry.keyLocation.column}`,
      plain(entry.value),
    ]),
  )
}

const findingsOf = (text: string, version: '1.1' | '1.2' = '1.1') =>
  parseYamlTree('f.yaml', text, { version }).findings.map(
    (finding) => `${finding.location.line}:${finding.location.column} ${finding.message}`,
  )

describe('parseYamlTree', () => {
  it('reads YAML 1.1 scalars as Kubernetes does, keeping the text as written', () => {
    const tree = parseYamlTree('f.yaml', 'a: yes\nb: off\nc: 0755\nd: "quoted"\ne: ~\nf: 2001-12-14\n', {
      version: '1.1',
    })
    expect(plain(tree.documents[0]!.root)).toEqual({
      'a@1:1': 'yes (boolean 1:4)',
      'b@2:1': 'off (boolean 2:4)',
      'c@3:1': '0755 (number 3:4)',
      'd@4:1': 'quoted (string 4:4)',
      'e@5:1': ' (null 5:4)',
      'f@6:1': '2001-12-14 (string 6:4)',
    })
    expect(plain(parseYamlTree('f.yaml', 'a: yes\n', { version: '1.2' }).documents[0]!.root)).toEqual({
      'a@1:1': 'yes (string 1:4)',
    })
  })

  it('turns an unrendered {{ }} expression that parses as a flow mapping into its text', () => {
    const tree = parseYamlTree('f.yaml', 'name: {{ .Values.name }}\nlist: [a, b]\n', { version: '1.1' })
    expect(plain(tree.documents[0]!.root)).toEqual({
      'name@1:1': '{{ .Values.name }} (string 1:7)',
      'list@2:1': ['a (string 2:8)', 'b (string 2:11)'],
    })
  })

  it('applies merge keys: explicit keys win, then the first merged source', () => {
    const text = 'a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n  "<<": literal\n'
    expect(plain(parseYamlTree('f.yaml', text, { version: '1.1' }).documents[0]!.root)).toMatchObject({
      'c@3:1': {
        'x@5:3': '3 (number 5:6)',
        '<<@6:3': 'literal (string 6:9)',
        'y@1:14': '1 (number 1:17)',
        'z@2:14': '2 (number 2:17)',
      },
    })
  })

  it('keeps duplicate keys in order', () => {
    expect(plain(parseYamlTree('f.yaml', 'a: 1\nb: 2\n', { version: '1.1' }).documents[0]!.root)).toEqual({
      'a@1:1': '1 (number 1:4)',
      'b@2:1': '2 (number 2:4)',
    })
    const root = parseYamlTree('f.yaml', 'a: 1\na: 2\n', { version: '1.1' }).documents[0]!.root
    expect(root?.kind === 'object' && root.entries.map((entry) => `${entry.key}@${entry.keyLocation.line}`)).toEqual([
      'a@1',
      'a@2',
    ])
  })

  it('knows where documents and collections end', () => {
    const tree = parseYamlTree('f.yaml', '# c\na:\n  b:\n    - 1\n    - 2\n\n---\nx: 1\n', { version: '1.1' })
    expect(tree.documents.map((document) => [document.location.line, document.endLine])).toEqual([
      [2, 6],
      [7, 8],
    ])
    const root = tree.documents[0]!.root
    const a = root?.kind === 'object' ? root.entries[0]!.value : undefined
    expect(
      a?.kind === 'object' && [a.endLine, a.entries[0]!.value.kind === 'array' && a.entries[0]!.value.endLine],
    ).toEqual([5, 5])
  })

  it('counts lines the same with CRLF line ends', () => {
    const tree = parseYamlTree('f.yaml', 'a:\r\n  b: x\r\n  c: [\r\n', { version: '1.1' })
    expect(tree.findings.map((finding) => finding.location.line)).toEqual([3])
    expect(plain(parseYamlTree('f.yaml', 'a:\r\n  b: x\r\n', { version: '1.1' }).documents[0]!.root)).toEqual({
      'a@1:1': { 'b@2:3': 'x (string 2:6)' },
    })
  })

  it('reports the first error of each broken document with its line', () => {
    expect(findingsOf('a: 1\n---\nb: [1\nc: {\n---\nd: 2\n\tbad: tab\n')).toEqual([
      '4:1 Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '7:1 Cannot parse YAML: Tabs are not allowed as indentation',
    ])
  })

  it('accepts tabs inside flow collections as the Go YAML stack does, with lines and columns kept; tabs as block indentation stay an error', () => {
    const text =
      'kind: List\napiVersion: v1\nitems:\n- {\n\t\t\t"apiVersion": "v1",\n\t\t\t"kind": "ServiceAccount",\n\t\t\t"metadata": {\n\t\t\t\t"name": "app"\n\t\t\t}\n\t}\n'
    const tree = parseYamlTree('f.yaml', text, { version: '1.1' })
    expect(tree.findings).toEqual([])
    expect(plain(tree.documents[0]!.root)).toEqual({
      'kind@1:1': 'List (string 1:7)',
      'apiVersion@2:1': 'v1 (string 2:13)',
      'items@3:1': [
        {
          'apiVersion@5:4': 'v1 (string 5:18)',
          'kind@6:4': 'ServiceAccount (string 6:12)',
          'metadata@7:4': { 'name@8:5': 'app (string 8:13)' },
        },
      ],
    })
    expect(findingsOf('a:\n\tb: 1\n')).toEqual(['2:1 Cannot parse YAML: Tabs are not allowed as indentation'])
  })

  it('stops alias bombs and deep nesting with a finding', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 9; level += 1)
      laughs.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${`*${String.fromCharCode(96 + level)}, `.repeat(9)}*${String.fromCharCode(96 + level)}]`,
      )
    expect(findingsOf(`${laughs.join('\n')}\n`)).toEqual([
      '4:36 Cannot read YAML: more than 1000 alias expansions (an alias bomb?)',
    ])
    expect(findingsOf(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`)).toEqual([
      '1:204 Cannot read YAML: nesting deeper than 200 levels',
    ])
    expect(findingsOf(`a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`)).toEqual([
      '1:1 Cannot parse YAML: nesting too deep to read',
    ])
  })

  it('reads empty and comment-only texts as no documents, without findings', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n', '--- # c\n...\n']) {
      const tree = parseYamlTree('f.yaml', text, { version: '1.1' })
      expect(tree.findings).toEqual([])
      expect(
        tree.documents.every(
          (document) =>
            document.root === undefined || (document.root.kind === 'scalar' && document.root.type === 'null'),
        ),
      ).toBe(true)
    }
  })
})
