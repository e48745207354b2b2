import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { allRules } from '../../src/rules/index.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { docsUrl, type RuleMeta } from '../../src/rules/rule.js'
import { GOLDEN_FILE, readGolden, ruleIdOf, ruleVariants, UPDATE_COMMAND } from '../golden.js'
import { fixture, repositoryRoot } from '../helpers.js'

const REQUIRED_HEADINGS = [
  '## What it finds',
  '## Why it matters',
  '## Failing example',
  '## Fixed example',
  '## How to fix',
  '## How to silence',
]
const INDEX_PATH = path.join(repositoryRoot, 'docs', 'rules', 'README.md')
const README_PATH = path.join(repositoryRoot, 'README.md')
const metas = allRules.map((rule) => rule.meta)
/** The offline catalogue and the live rules (which run only with live confirmation). */
const everyRule = [...allRules, ...liveRules].map((rule) => rule.meta)

function renderRuleTable(rules: readonly RuleMeta[], linkPrefix: string): string[] {
  const rows = rules.map(
    (meta) =>
      `| [\`${meta.id}\`](${linkPrefix}${meta.id}.md) | ${meta.level} | ${meta.security ? 'yes' : ''} | ${meta.description.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} |`,
  )
  return ['| Rule | Level | Security | What it finds |', '| --- | --- | --- | --- |', ...rows]
}

/** README.md's `## Rules` section with the table replaced by the registry's. */
export function renderReadmeRules(readme: string, rules: readonly RuleMeta[]): string {
  const lines = readme.split('\n')
  const heading = lines.indexOf('## Rules')
  if (heading < 0) return readme
  let start = heading + 1
  while (start < lines.length && !lines[start]!.startsWith('|') && !lines[start]!.startsWith('## ')) start += 1
  let end = start
  while (end < lines.length && lines[end]!.startsWith('|')) end += 1
  return [...lines.slice(0, start), ...renderRuleTable(rules, 'docs/rules/'), ...lines.slice(end)].join('\n')
}

/** docs/rules/README.md, generated from the registry. */
export function renderRuleIndex(rules: readonly RuleMeta[]): string {
  return [
    '# Rules',
    '',
    'Generated from the rule registry (`src/rules/index.ts`) by `npm run docs`; do not edit by hand.',
    'Levels are the defaults; `.irsa-guard.yml` can change them (`rules: {<id>: error|warning|note|off}`).',
    "Each page's failing and fixed examples, and what irsa-guard prints on them, are rendered by `npm run docs`",
    'from the fixture directories `__fixtures__/rules/<id>/example-*` its marker comments name (test/meta/docs-examples.ts);',
    'edit the fixture, not the page.',
    '',
    ...renderRuleTable(rules, ''),
    '',
    'The `live-*` rules run only with live confirmation (the action input `live`).',
    '',
  ].join('\n')
}

function nonEmptyDirectory(directory: string): boolean {
  return existsSync(directory) && statSync(directory).isDirectory() && readdirSync(directory).length > 0
}

describe('the rule registry', () => {
  it('has rules', () => {
    expect(metas.length).toBeGreaterThan(0)
  })

  it('has unique kebab-case ids', () => {
    const ids = metas.map((meta) => meta.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
    expect(ids.filter((id) => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id))).toEqual([])
  })

  it('describes every rule in one sentence with a remediation', () => {
    expect(
      metas.filter((meta) => meta.description.trim() === '' || meta.remediation.trim() === '').map((meta) => meta.id),
    ).toEqual([])
  })

  it('is listed in docs/rules/README.md (UPDATE_DOCS=1 regenerates it)', () => {
    const expected = renderRuleIndex(everyRule)
    if (process.env.UPDATE_DOCS === '1') writeFileSync(INDEX_PATH, expected)
    expect(existsSync(INDEX_PATH) ? readFileSync(INDEX_PATH, 'utf8') : '(missing docs/rules/README.md)').toBe(expected)
  })

  it('is listed in the README rules table (UPDATE_DOCS=1 regenerates it)', () => {
    const readme = readFileSync(README_PATH, 'utf8')
    const expected = renderReadmeRules(readme, everyRule)
    if (process.env.UPDATE_DOCS === '1') writeFileSync(README_PATH, expected)
    expect(readme.includes('## Rules')).toBe(true)
    expect(readme).toBe(expected)
  })
})

describe.each(metas.map((meta) => [meta.id, meta] as const))('rule %s', (id, meta) => {
  const docPath = path.join(repositoryRoot, 'docs', 'rules', `${id}.md`)

  it('has a doc page with the required headings', () => {
    expect(existsSync(docPath)).toBe(true)
    const lines = readFileSync(docPath, 'utf8').split('\n')
    expect(lines[0]).toBe(`# ${id}`)
    expect(lines).toContain(`Level: ${meta.level}`)
    expect(lines.includes('Security: yes')).toBe(meta.security === true)
    expect(REQUIRED_HEADINGS.filter((heading) => !lines.includes(heading))).toEqual([])
    expect(docsUrl(id).endsWith(`/docs/rules/${id}.md`)).toBe(true)
  })

  it('has a test that names it, if it has one: its golden files are its test', () => {
    const testPath = path.join(repositoryRoot, 'test', 'rules', `${id}.test.ts`)
    if (existsSync(testPath)) expect(readFileSync(testPath, 'utf8')).toContain(id)
  })
})

// The golden files themselves are compared with the engine by test/rules/golden.test.ts.
describe.each(everyRule.map((meta) => [meta.id] as const))('the fixtures of rule %s', (id) => {
  const golden = (variant: string): string[] => {
    const lines = readGolden({ ruleId: id, variant, root: fixture('rules', id, variant) })
    if (lines === undefined)
      throw new Error(`__fixtures__/rules/${id}/${variant}/${GOLDEN_FILE} is missing; run \`${UPDATE_COMMAND}\``)
    return lines
  }

  it('have a variant where it fires: its golden report has a line of the rule', () => {
    expect(nonEmptyDirectory(fixture('rules', id, 'fires'))).toBe(true)
    expect(golden('fires').filter((line) => ruleIdOf(line) === id).length).toBeGreaterThan(0)
  })

  it('have a near miss where it stays silent: its golden report has no line of the rule and nothing it could not read', () => {
    expect(nonEmptyDirectory(fixture('rules', id, 'silent'))).toBe(true)
    expect(golden('silent').filter((line) => ruleIdOf(line) === id || ruleIdOf(line) === 'parse-error')).toEqual([])
  })
})

describe('the rule fixtures', () => {
  it('are variants of registered rules', () => {
    expect(
      ruleVariants()
        .filter((variant) => !everyRule.some((meta) => meta.id === variant.ruleId))
        .map((variant) => `${variant.ruleId}/${variant.variant}`),
    ).toEqual([])
  })

  it('report lines that all end in a rule id', () => {
    const lines = ruleVariants().flatMap((variant) =>
      (readGolden(variant) ?? []).map((line) => `${variant.ruleId}/${variant.variant}: ${line}`),
    )
    expect(lines.filter((line) => ruleIdOf(line.slice(line.indexOf(': ') + 2)) === undefined)).toEqual([])
  })
})
