import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { allRules } from '../../src/rules/index.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { docsUrl } from '../../src/rules/rule.js'
import { fixture, repositoryRoot } from '../helpers.js'

const REQUIRED_HEADINGS = [
  '## What it finds',
  '## Why it matters',
  '## Failing example',
  '## Fixed example',
  '## How to fix',
  '## How to silence',
]

function nonEmptyDirectory(directory: string): boolean {
  return existsSync(directory) && statSync(directory).isDirectory() && readdirSync(directory).length > 0
}

// test/meta/rules.test.ts covers the offline registry (allRules); the live rules run only with live
// confirmation (check's extraRules), so their silent fixtures are checked against fake AWS here.
describe('the live rule registry', () => {
  it('has the catalogue’s live rules, with ids no offline rule uses', () => {
    expect(liveRules.map((rule) => rule.meta.id)).toEqual([
      'live-role-missing',
      'live-trust-denies-service-account',
      'live-trust-drift',
      'live-oidc-provider-missing',
      'live-oidc-provider-audience-missing',
      'live-cluster-issuer-mismatch',
      'live-role-without-permissions',
      'live-check-incomplete',
    ])
    expect(liveRules.filter((rule) => allRules.some((other) => other.meta.id === rule.meta.id))).toEqual([])
  })
})

describe.each(liveRules.map((rule) => [rule.meta.id, rule.meta] as const))('live rule %s', (id, meta) => {
  it('has a doc page with the required headings', () => {
    const docPath = path.join(repositoryRoot, 'docs', 'rules', `${id}.md`)
    expect(existsSync(docPath)).toBe(true)
    const lines = readFileSync(docPath, 'utf8').split('\n')
    expect(lines[0]).toBe(`# ${id}`)
    expect(lines).toContain(`Level: ${meta.level}`)
    expect(lines.includes('Security: yes')).toBe(meta.security === true)
    expect(REQUIRED_HEADINGS.filter((heading) => !lines.includes(heading))).toEqual([])
    expect(docsUrl(id).endsWith(`/docs/rules/${id}.md`)).toBe(true)
  })

  it('has a fixture where it fires and a near miss where it stays silent, each with its AWS state', () => {
    for (const variant of ['fires', 'silent']) {
      expect(nonEmptyDirectory(fixture('rules', id, variant))).toBe(true)
      expect(existsSync(fixture('rules', id, variant, 'aws-state.yaml'))).toBe(true)
    }
  })

  it('has a test that names it, if it has one: its golden files are its test', () => {
    const testPath = path.join(repositoryRoot, 'test', 'rules', `${id}.test.ts`)
    if (existsSync(testPath)) expect(readFileSync(testPath, 'utf8')).toContain(id)
  })

  // That its fires and silent golden reports, run live against their AWS state, have and lack its
  // lines is test/meta/rules.test.ts's check; test/rules/golden.test.ts runs them.
})
