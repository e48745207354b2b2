import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { ConfigError } from '../../src/config.js'
import { parseConfig } from '../../src/config-file.js'
import { allRules } from '../../src/rules/index.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { repositoryRoot } from '../helpers.js'

const require = createRequire(import.meta.url)
const Ajv = (require('ajv') as typeof import('ajv')).default

const SCHEMA_PATH = path.join(repositoryRoot, 'schema', 'irsa-guard.schema.json')
const everyRule = [...allRules, ...liveRules].map((rule) => rule.meta)

interface Schema {
  properties: Record<string, unknown> & { rules: { properties: Record<string, unknown> } }
  definitions: { ruleId: { enum: string[] } }
}

/** The schema with its rule ids and their descriptions taken from the rule registry. */
function withRegistryRules(schema: Schema): Schema {
  const copy = JSON.parse(JSON.stringify(schema)) as Schema
  copy.definitions.ruleId.enum = everyRule.map((meta) => meta.id)
  copy.properties.rules.properties = Object.fromEntries(
    everyRule.map((meta) => [
      meta.id,
      { description: `${meta.description} Default: ${meta.level}.`, $ref: '#/definitions/ruleSetting' },
    ]),
  )
  return copy
}

const schemaText = readFileSync(SCHEMA_PATH, 'utf8')
const schema = JSON.parse(schemaText) as Schema
const validate = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }).compile(
  process.env.UPDATE_DOCS === '1' ? withRegistryRules(schema) : schema,
)

function parserAccepts(text: string): true | string {
  try {
    parseConfig(text, { displayPath: '.irsa-guard.yml', repositoryPath: '.irsa-guard.yml' })
    return true
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
}

function schemaAccepts(text: string): true | string {
  return validate(parseYaml(text, { uniqueKeys: false }) ?? null) ? true : JSON.stringify(validate.errors)
}

/** Every ```yaml block of README.md and docs/ whose top-level keys are all config keys: the documented config examples. */
function documentedExamples(): [string, string][] {
  const files = [path.join(repositoryRoot, 'README.md'), ...markdownFiles(path.join(repositoryRoot, 'docs'))]
  const configKeys = Object.keys(schema.properties)
  const examples: [string, string][] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/^([ \t]*)```ya?ml\n([\s\S]*?)^\1```/gm)) {
      const indent = match[1]!
      const block = match[2]!
        .split('\n')
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n')
      let value: unknown
      try {
        value = parseYaml(block)
      } catch {
        continue
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue
      const keys = Object.keys(value)
      if (keys.length > 0 && keys.every((key) => configKeys.includes(key))) {
        examples.push([
          `${path.relative(repositoryRoot, file).split(path.sep).join('/')}:${text.slice(0, match.index).split('\n').length}`,
          block,
        ])
      }
    }
  }
  return examples
}

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownFiles(path.join(directory, entry.name))
      : entry.name.endsWith('.md')
        ? [path.join(directory, entry.name)]
        : [],
  )
}

describe('schema/irsa-guard.schema.json', () => {
  it('lists every rule id of the registry with its description (UPDATE_DOCS=1 regenerates them)', () => {
    const expected = `${JSON.stringify(withRegistryRules(schema), null, 2)}\n`
    if (process.env.UPDATE_DOCS === '1') writeFileSync(SCHEMA_PATH, expected)
    expect(schemaText).toBe(expected)
  })

  const examples = documentedExamples()

  it('finds the documented examples: README, the Helm and eksctl pages, the rule pages', () => {
    const files = new Set(examples.map(([where]) => where.replace(/:\d+$/, '')))
    expect(
      [...files]
        .filter((file) =>
          [
            'README.md',
            'docs/kustomize-helm.md',
            'docs/sources-eksctl-cfn-profiles.md',
            'docs/rules/suppression-expired.md',
          ].includes(file),
        )
        .sort(),
    ).toEqual([
      'README.md',
      'docs/kustomize-helm.md',
      'docs/rules/suppression-expired.md',
      'docs/sources-eksctl-cfn-profiles.md',
    ])
  })

  it.each(examples)('accepts the documented example at %s, as the parser does', (_where, text) => {
    expect([parserAccepts(text), schemaAccepts(text)]).toEqual([true, true])
  })

  it.each([
    ['include: 3\n'],
    ['exlude:\n  - docs/**\n'],
    ['exclude:\n  - docs/**\n  - ""\n'],
    ['- a\n- b\n'],
    ['rules:\n  role-not-fuond: off\n'],
    ['rules:\n  role-not-found: fatal\n'],
    ['rules:\n  role-not-found:\n'],
    ['rules: [role-not-found]\n'],
    ['clusters:\n  - region: eu-west-1\n'],
    ['clusters:\n  - name: prod\n    account: "34912758603"\n'],
    ['clusters:\n  - name: prod\n    region: europe\n'],
    ['clusters:\n  - name: prod\n    issuer: oidc.eks.eu-west-1.amazonaws.com/id/ABC\n'],
    ['clusters:\n  - name: prod\n    isuer: x\n'],
    ['roles:\n  - file: iam/a.json\n'],
    ['roles:\n  - file: iam/a.json\n    name: "app reader"\n'],
    ['roles:\n  - file: iam/a.json\n    name: app\n    path: service\n'],
    ['helm:\n  releases:\n    - chart: charts/app\n      name: app\n      namespace: Payments\n'],
    ['helm:\n  release: []\n'],
    ['helm:\n  render: yes\n'],
    ['kustomize: helm\n'],
    ['fixtureDirectories: [test/data]\n'],
    ['maxFileBytes: -1\n'],
    ['maxFileBytes: 1.5\n'],
    ['ignore:\n  - path: iam/a.json\n    reason: legacy\n'],
    ['ignore:\n  - rule: role-not-found\n    reason: legacy\n'],
    ['ignore:\n  - rule: role-not-found\n    path: iam/a.json\n'],
    ['ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: ""\n'],
    ['ignore:\n  - rule: role-not-foud\n    path: iam/a.json\n    reason: r\n'],
    ['ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: r\n    expires: 31/12/2026\n'],
    ['ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: r\n    expires: 2026-13-01\n'],
    ['ignore: {rule: role-not-found}\n'],
  ])('rejects %j, as the parser does', (text) => {
    expect(parserAccepts(text)).not.toBe(true)
    expect(schemaAccepts(text)).not.toBe(true)
  })

  // What a JSON Schema cannot see: YAML syntax, relations between fields, days of a month, the source text of a number.
  it.each([
    ['rules:\n  role-not-found: off\n  role-not-found: error\n', 'a duplicate key (the YAML parser keeps one)'],
    [
      'clusters:\n  - name: prod\n    region: eu-west-1\n    issuer: https://oidc.eks.us-east-1.amazonaws.com/id/ABC\n',
      "the issuer's region against the cluster's",
    ],
    [
      'ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: r\n    expires: 2026-02-30\n',
      'a day the month does not have',
    ],
    ['clusters:\n  - name: prod\n    account: 349127586034.0\n', 'an account written as a decimal number'],
  ])('leaves %j to the parser: %s', (text) => {
    expect(parserAccepts(text)).not.toBe(true)
    expect(schemaAccepts(text)).toBe(true)
  })
})
