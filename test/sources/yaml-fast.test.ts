import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fastYamlDocuments } from '../../src/sources/shared/yaml-fast.js'
import { parseYamlTree, useYamlFastPath, type YamlFileTree } from '../../src/sources/shared/yaml-tree.js'
import {
  expectSameFindingsAndFacts,
  fixture,
  fixtureRootsHolding,
  jsonReportsOnAndOff,
  oneCharacterEdit,
  repositoryRoot,
  tally,
  type Tally,
} from '../helpers.js'

/*
 * The fast YAML parser (shared/yaml-fast.ts) either declines a text or gives exactly the
 * documents parseYamlTree builds with the yaml package, for YAML 1.1 and 1.2: on every YAML and
 * JSON file of the fixtures and tests, on syntax errors, on generated documents and on
 * one-character edits of the fixtures. The engine finds the same with it on and off.
 */

type Version = '1.1' | '1.2'
const VERSIONS: readonly Version[] = ['1.1', '1.2']

function slowTree(name: string, text: string, version: Version): YamlFileTree {
  useYamlFastPath(false)
  try {
    return parseYamlTree(name, text, { version })
  } finally {
    useYamlFastPath(true)
  }
}

/** Parses the text both ways in both versions: counts declines and takes, records a take that is not identical. */
function compare(counts: Tally, name: string, text: string): void {
  for (const version of VERSIONS) {
    const fast = fastYamlDocuments(name, text, version)
    if (!fast) {
      counts.declined++
      continue
    }
    counts.taken++
    const slow = slowTree(name, text, version)
    // JSON keeps key order and tells undefined from absent; the trees hold no other kind of value.
    if (slow.findings.length > 0 || JSON.stringify(fast) !== JSON.stringify(slow.documents))
      counts.disagreements.push(`${name} (${version}): ${JSON.stringify(text)}`)
  }
}

function yamlFiles(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = []
  for (const top of ['__fixtures__', 'test']) {
    const base = path.join(repositoryRoot, top)
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ya?ml|json)$/.test(entry.name)) continue
      const full = path.join(entry.parentPath, entry.name)
      files.push({ name: path.relative(repositoryRoot, full), text: readFileSync(full, 'utf8') })
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name))
}

/** Texts the fast parser must take (not decline) and read as the yaml package does. */
const TAKEN: readonly string[] = [
  'a: 1\n',
  'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/r\n',
  // comments: indented deeper than the collection attach to the last scalar; the others stay or move up
  'a:\n  b: 1 # c\n  # trailing\n\n# top\nc: 2\n# end\n\n',
  'a:\n  b:\n    x: 1\n  # two\n# zero\nc: 2\n',
  'a:\n  b:\n    x: 1\n\n    # four\nc: 2\n',
  'a:\n  b: 1\n    # deeper\n\n      # deeper still\nc: 2\n',
  'a:\n  - x\n  # two\nb:\n- y\n# zero\n- z\n# end\n',
  'a:\n  b: [x, "y", 1 ]  # c\n     # d\n  e: {}\nf: []\n',
  'a:\n  b: |\n    x\n\n     y\n\n   # c\n  # e\nf: |-\n  z\n\n',
  'list:\n- a: 1\n  b: 2\n-   c: 3\n    d:\n    - e\n- - no\n'.replace('- - no\n', '- last\n'),
  // documents: markers, empty documents, a bare scalar, leading comments and blank lines
  '# head\n\n---\na: 1\n---\n---   \n# only a comment\n---\nhello\n',
  '\n\n# c\n\na: 1\n\n\n',
  'x\n',
  '---',
  // keys: quoted, empty value, duplicates, typed plain keys, spaces before the colon
  '"quoted key": 1\n\'single\': 2\nempty:\nnull: 3\n~: 4\n1: five\ntrue: six\ndup: 1\ndup: 2\nspaced  : 7\n',
  'a:   \nb: # comment\nc:\n',
  // scalars of every schema type, in both versions
  'a: yes\nb: off\nc: 0755\nd: 0o17\ne: 0x1F\nf: 1_000\ng: 1.5\nh: .inf\ni: -.NaN\nj: 2001-12-14\nk: 1:20\nl: ~\nm: Null\nn: TRUE\no: y\np: 6.8523015e+5\nq: +12\nr: "1"\n',
  "a: \"esc \\\" \\\\ \\n \\t \\/ \\u00e9\"\nb: 'it''s'\nc: a#b\nd: url://x:y\ne: -x\nf: a, b [c] {d}\n",
]

/** Syntax errors and constructs the fast parser leaves to the yaml package. */
const DECLINED: readonly string[] = [
  'a: 1\n---\nb: [1\nc: {\n---\nd: 2\n\tbad: tab\n',
  'a:\n\tb: 1\n',
  'a: 1\n b: 2\n',
  'a:\n  b: 1\n c: 2\n',
  'a: b: c\n',
  '- a\nb: 1\n',
  'a: 1\n- b\n',
  'a: "unclosed\n',
  "a: 'unclosed\n",
  'a: [1, 2\n',
  'a: {b: 1}\n',
  'a: &x 1\nb: *x\n',
  'a: !Ref x\n',
  '<<: {a: 1}\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 1\n...\n',
  '? a\n: 1\n',
  'a: >\n  folded\n',
  'a: plain\n  continued\n',
  'a: 1\r\nb: 2\r\n',
  '\ufeffa: 1\n',
  '  a: 1\n',
  'a:\n  # a comment, then no value\nb: 1\n',
  'a: "\\x41"\n',
  'name: {{ .Values.name }}\n',
  `${'a:\n'.repeat(1)}${Array.from({ length: 80 }, (_unused, depth) => `${'  '.repeat(depth + 1)}k:`).join('\n')} 1\n`,
]

/** A deterministic generator of block YAML within (and a little beyond) the subset. */
function generated(seed: number, count: number): string[] {
  let state = seed
  const random = (limit: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return Math.floor((state / 4294967296) * limit)
  }
  const scalars = ['x', 'yes', '0755', '"q"', "'s'", '1.5', '~', '', 'a b', 'http://h:1/p', '[a, 1]', '{}', '[]', 'No']
  const keys = ['a', 'b', '"k"', 'name', '1', 'on']
  const comment = (indent: number): string => (random(6) === 0 ? `${' '.repeat(indent)}# c\n` : '')
  const blank = (): string => (random(8) === 0 ? '\n' : '')
  function block(indent: number, depth: number): string {
    let out = ''
    const asSequence = random(3) === 0
    const entries = 1 + random(4)
    for (let index = 0; index < entries; index++) {
      out += comment(indent + random(3)) + blank()
      const head = asSequence ? '- ' : `${keys[random(keys.length)]}:`
      if (depth < 4 && random(3) === 0) {
        if (asSequence) out += `${' '.repeat(indent)}- ${keys[random(keys.length)]}: ${scalars[random(5)]}\n`
        else out += `${' '.repeat(indent)}${head}${random(4) === 0 ? ' # c' : ''}\n${block(indent + 2, depth + 1)}`
      } else if (random(8) === 0) {
        out += `${' '.repeat(indent)}${head}${asSequence ? '' : ' '}|${random(2) === 0 ? '-' : ''}\n${' '.repeat(indent + 2)}line\n${random(2) === 0 ? '\n' : ''}${' '.repeat(indent + 3)}more\n`
      } else {
        const value = scalars[random(scalars.length)]
        out += `${' '.repeat(indent)}${head}${value === '' && asSequence ? 'v' : `${asSequence ? '' : ' '}${value}`}${random(5) === 0 ? ' # t' : ''}\n`
      }
    }
    return out + comment(random(indent + 3))
  }
  const texts: string[] = []
  for (let index = 0; index < count; index++) {
    const documents = 1 + random(3)
    const parts: string[] = []
    for (let document = 0; document < documents; document++) parts.push(block(0, 0))
    texts.push((random(2) === 0 ? '---\n' : '') + parts.join('---\n') + blank())
  }
  return texts
}

describe('the fast YAML parser', () => {
  it('reads every YAML and JSON file of the fixtures and tests as the yaml package does, or declines it', () => {
    const counts = tally()
    for (const file of yamlFiles()) compare(counts, file.name, file.text)
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(600)
  })

  it('takes the constructs of its subset and reads them exactly as the yaml package does', () => {
    const declined: string[] = []
    const counts = tally()
    for (const text of TAKEN) {
      for (const version of VERSIONS) if (!fastYamlDocuments('f.yaml', text, version)) declined.push(text)
      compare(counts, 'f.yaml', text)
    }
    expect(declined).toEqual([])
    expect(counts.disagreements).toEqual([])
  })

  it('declines syntax errors and what it leaves to the yaml package, which reports each error once', () => {
    const taken = DECLINED.filter((text) => VERSIONS.some((version) => fastYamlDocuments('f.yaml', text, version)))
    expect(taken).toEqual([])
    for (const text of DECLINED) {
      for (const version of VERSIONS) {
        const withFastPath = parseYamlTree('f.yaml', text, { version })
        expect({ text, tree: JSON.stringify(withFastPath) }).toEqual({
          text,
          tree: JSON.stringify(slowTree('f.yaml', text, version)),
        })
      }
    }
    expect(parseYamlTree('f.yaml', 'a:\n  b: 1\n c: 2\n', { version: '1.1' }).findings).toEqual([
      {
        ruleId: 'parse-error',
        location: { path: 'f.yaml', line: 3, column: 1 },
        message: 'Cannot parse YAML: All mapping items must start at the same column',
      },
    ])
  })

  it('reads generated documents as the yaml package does, or declines them', () => {
    const counts = tally()
    for (const [index, text] of generated(7, 3000).entries()) compare(counts, `generated-${index}.yaml`, text)
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(1500)
    expect(counts.declined).toBeGreaterThan(200)
  })

  it('declines or reads identically every one-character edit of the fixtures', () => {
    const files = yamlFiles().filter((file) => file.text.length > 0 && file.text.length < 20_000)
    let state = 4242
    const random = (limit: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return Math.floor((state / 4294967296) * limit)
    }
    const characters = '{}[]()"$%#/*\n =.,:?!<>-~\\a1_\'`\t\r&|;@^0xyn'
    const counts = tally()
    for (let edit = 0; edit < 4000; edit++) {
      const file = files[random(files.length)]
      if (!file) throw new Error('no fixture files')
      const text = oneCharacterEdit(file.text, characters, random)
      compare(counts, `${file.name}#${edit}`, text)
    }
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(2000)
    expect(counts.declined).toBeGreaterThan(1000)
  })

  it('gives the CLI the same JSON report, byte for byte, as IRSA_GUARD_YAML_FAST=0', async () => {
    const { on: fast, off: slow } = await jsonReportsOnAndOff(fixture('repos', 'broken'), 'IRSA_GUARD_YAML_FAST')
    expect(fast.code).toBe(0)
    expect(fast.stdout).toContain('"ruleId": ')
    expect(fast.stdout).toBe(slow.stdout)
  })

  it('finds the same with it on and off on every fixture repository with YAML files', async () => {
    const roots = fixtureRootsHolding((name) => /\.ya?ml$/.test(name))
    expect(roots.length).toBeGreaterThan(150)
    await expectSameFindingsAndFacts(roots, { yamlFast: true }, { yamlFast: false })
  })
})
