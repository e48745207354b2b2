import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { check, type CheckResult } from '../src/check.js'
import { defaultConfig, type Config } from '../src/config.js'
import { formatFindingLine } from '../src/report/text.js'

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
