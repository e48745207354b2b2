import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'

export const DIST_BUNDLE = path.join(repositoryRoot, 'dist', 'index.js')

export interface BundleRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  elapsedMs: number
}

/**
 * Runs an action bundle as the runner does (inputs as INPUT_<NAME>, the runner's output and summary
 * files), asynchronously so that fake servers in this process can answer it. The environment has
 * nothing of this machine's AWS set-up: only what `env` adds.
 */
export async function runBundle(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  bundle = DIST_BUNDLE,
  /** A run still going then is killed (its code is then null). */
  killAfterMs = 60_000,
): Promise<BundleRun> {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-runner-'))
  const outputFile = path.join(runnerTemp, 'output.txt')
  const summaryFile = path.join(runnerTemp, 'step-summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: runnerTemp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    AWS_EC2_METADATA_DISABLED: 'true',
    // The runner has node 24; the SDK warns on stderr about this machine's node 20.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...env,
  }
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const started = Date.now()
  const child = spawn(process.execPath, [bundle], { cwd: workspace, env: childEnv })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)))
  clearTimeout(timer)
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    elapsedMs: Date.now() - started,
  }
}

/** `name<<DELIMITER\nvalue\nDELIMITER\n`, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) outputs[match[1]!] = match[3]!
  return outputs
}
