import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { check, type CheckOptions, type CheckResult } from '../src/check.js'
import { defaultConfig, type Config } from '../src/config.js'
import { formatFindingLine } from '../src/report/text.js'
import { runCli, type CliRun } from './cli/fake-io.js'

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Absolute path of a fixture repository under __fixtures__/. */
export function fixture(...parts: string[]): string {
  return path.join(repositoryRoot, '__fixtures__', ...parts)
}

/** Runs the engine on a fixture repository. */
export async function scan(root: string, config: Partial<Config> = {}): Promise<CheckResult> {
  return check({ root, config: { ...defaultConfig(), ...config } })
}

/** Findings of one rule as `path:line:col: level: message [rule-id]` lines, in report order. */
export function linesOf(result: CheckResult, ruleId?: string): string[] {
  return result.findings.filter((finding) => ruleId === undefined || finding.ruleId === ruleId).map(formatFindingLine)
}

/** Runs the engine on __fixtures__/rules/<ruleId>/<variant> and returns that rule's finding lines. */
export async function ruleLines(
  ruleId: string,
  variant: 'fires' | 'silent' | string,
  config: Partial<Config> = {},
): Promise<string[]> {
  return linesOf(await scan(fixture('rules', ruleId, variant), config), ruleId)
}

/** Runs `action` with one environment variable set, and puts it back as it was afterwards. */
export async function withEnvironment<T>(name: string, value: string, action: () => Promise<T>): Promise<T> {
  const previous = process.env[name]
  process.env[name] = value
  try {
    return await action()
  } finally {
    if (previous === undefined) delete process.env[name]
    else process.env[name] = previous
  }
}

/** A random one-character deletion, insertion or replacement (from `characters`) in the text: the fast parsers' fuzz. */
export function oneCharacterEdit(text: string, characters: string, random: (limit: number) => number): string {
  const at = random(text.length)
  const character = characters.charAt(random(characters.length))
  const kind = random(3)
  return kind === 0
    ? text.slice(0, at) + text.slice(at + 1)
    : text.slice(0, at) + character + text.slice(at + (kind === 1 ? 0 : 1))
}

/** Expects check() to find the same and read the same facts, on one thread, with `on` and with `off`, on every root. */
export async function expectSameFindingsAndFacts(
  roots: readonly string[],
  on: Partial<CheckOptions>,
  off: Partial<CheckOptions>,
): Promise<void> {
  for (const root of roots) {
    const first = await check({ root, workers: 0, ...on })
    const second = await check({ root, workers: 0, ...off })
    expect({ root, findings: JSON.stringify(first.findings) }).toEqual({
      root,
      findings: JSON.stringify(second.findings),
    })
    expect({ root, facts: JSON.stringify(first.graph.facts) }).toEqual({
      root,
      facts: JSON.stringify(second.graph.facts),
    })
  }
}

/** The fixture repositories (`__fixtures__/rules/<id>/<variant>`, `__fixtures__/<area>/<name>`) holding a file whose name `holds` accepts. */
export function fixtureRootsHolding(holds: (name: string) => boolean): string[] {
  const base = path.join(repositoryRoot, '__fixtures__')
  const roots = new Set<string>()
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !holds(entry.name)) continue
    const relative = path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep)
    const depth = relative[0] === 'rules' ? 3 : 2
    if (relative.length > depth) roots.add(path.join(base, ...relative.slice(0, depth)))
  }
  return [...roots].sort()
}

/** The CLI's JSON report of `root` by default and with the environment switch `name` set to 0 (an optimisation turned off). */
export async function jsonReportsOnAndOff(root: string, name: string): Promise<{ on: CliRun; off: CliRun }> {
  const argv = [root, '--format', 'json', '--fail-on', 'never']
  const on = await runCli(argv, repositoryRoot)
  const off = await withEnvironment(name, '0', () => runCli(argv, repositoryRoot))
  return { on, off }
}

/** What a fast parser made of texts compared with the parser it stands in for (see compare in its test). */
export interface Tally {
  taken: number
  declined: number
  /** Texts it took and read differently. */
  disagreements: string[]
}

export function tally(): Tally {
  return { taken: 0, declined: 0, disagreements: [] }
}
