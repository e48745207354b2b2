import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../src/config-file.js'
import { fixture, linesOf, scan } from './helpers.js'
import { liveFixture } from './live/helpers.js'

/** The file beside each rule fixture variant that holds its expected report. */
export const GOLDEN_FILE = 'expected.txt'
/** The one command that rewrites every golden file from what the engine reports now. */
export const UPDATE_COMMAND = 'UPDATE_GOLDEN=1 npm test -- test/rules/golden.test.ts'
/** A variant with this file is run as the action's live step against fake AWS servers holding it. */
export const LIVE_STATE_FILE = 'aws-state.yaml'

export interface RuleVariant {
  ruleId: string
  variant: string
  /** Absolute path of __fixtures__/rules/<ruleId>/<variant>/. */
  root: string
}

function directoriesIn(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** Every directory __fixtures__/rules/<rule-id>/<variant>/, in name order. */
export function ruleVariants(): RuleVariant[] {
  const rulesRoot = fixture('rules')
  return directoriesIn(rulesRoot).flatMap((ruleId) =>
    directoriesIn(path.join(rulesRoot, ruleId)).map((variant) => ({
      ruleId,
      variant,
      root: path.join(rulesRoot, ruleId, variant),
    })),
  )
}

/**
 * The text reporter's lines for a scan of a variant directory, as `irsa-guard <variant dir>` prints
 * them: every finding of every rule, with the variant's own `.irsa-guard.yml` if it has one. A variant
 * holding `aws-state.yaml` is checked live against fake AWS servers in that state (test/live/helpers.ts).
 */
export async function reportLines(variant: RuleVariant): Promise<string[]> {
  if (existsSync(path.join(variant.root, LIVE_STATE_FILE))) {
    const run = await liveFixture(variant.ruleId, variant.variant)
    if (!run.outcome.ran)
      throw new Error(`live confirmation did not run on ${variant.ruleId}/${variant.variant}: ${run.outcome.reason}`)
    return linesOf(run.result)
  }
  return linesOf(await scan(variant.root, await loadConfig({ root: variant.root, cwd: variant.root })))
}

/** A golden line `/…/` is a regular expression the whole reported line must match. */
function isPattern(line: string): boolean {
  return line.length > 1 && line.startsWith('/') && line.endsWith('/')
}

function matches(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false
  return isPattern(expected) ? new RegExp(`^(?:${expected.slice(1, -1)})$`).test(actual) : expected === actual
}

/** The lines of a golden file (without its final newline); an empty file is no lines. */
export function parseGolden(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n')
}

export function formatGolden(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('')
}

/**
 * The golden text as the reported lines would show it: each pattern line the reported line at its
 * place matches is replaced by that line, so a comparison shows only real differences.
 */
export function expectedView(golden: readonly string[], actual: readonly string[]): string[] {
  return golden.map((line, index) => (isPattern(line) && matches(line, actual[index]) ? actual[index]! : line))
}

/** The golden file's new text for these reported lines: pattern lines that still match are kept. */
export function updatedGolden(golden: readonly string[], actual: readonly string[]): string[] {
  return actual.map((line, index) =>
    golden[index] !== undefined && isPattern(golden[index]) && matches(golden[index], line) ? golden[index] : line,
  )
}

export function goldenPath(variant: RuleVariant): string {
  return path.join(variant.root, GOLDEN_FILE)
}

/** The golden lines of a variant, or undefined when it has no golden file. */
export function readGolden(variant: RuleVariant): string[] | undefined {
  const file = goldenPath(variant)
  return existsSync(file) ? parseGolden(readFileSync(file, 'utf8')) : undefined
}

/** The rule id a report line ends with (`… [rule-id]`). */
export function ruleIdOf(line: string): string | undefined {
  return isPattern(line) ? /\\\[([a-z0-9-]+)\\\]\$?\/$/.exec(line)?.[1] : /\[([a-z0-9-]+)\]$/.exec(line)?.[1]
}
