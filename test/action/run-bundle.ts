import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/**
 * Runs the committed action bundle as GitHub's runner does: `node dist/index.js` with each input as
 * INPUT_<NAME> (upper-cased, dashes kept) and the runner's files for outputs and the job summary.
 */
export function runActionBundle(
  workspace: string,
  inputs: Record<string, string>,
  bundle = path.join(repositoryRoot, 'dist', 'index.js'),
  runnerEnv: Record<string, string> = {},
): ActionRun {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-runner-'))
  const outputFile = path.join(runnerTemp, 'output.txt')
  const summaryFile = path.join(runnerTemp, 'step-summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...runnerEnv,
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawnSync(process.execPath, [bundle], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 })
  return {
    code: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  }
}

/** `name<<DELIMITER\nvalue\nDELIMITER\n`, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}

/** The workflow commands of one kind (`error`, `warning`, `notice`) on standard output, as [properties, message]. */
export function commands(stdout: string, kind: string): [string, string][] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind} `) || line.startsWith(`::${kind}::`))
    .map((line) => {
      const end = line.indexOf('::', 2)
      return [line.slice(kind.length + 3, end), line.slice(end + 2)]
    })
}
