import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'
import { OWNER, REPO } from './fake-github.js'

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export const HEAD_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e'
export const MERGE_SHA = 'e0c7f1f2d3a4b5c6d7e8f90a1b2c3d4e5f60718a'

export interface RunnerEnvironment {
  apiUrl: string
  /** A pull_request event for this number (head HEAD_SHA, GITHUB_SHA the merge commit), else a push of HEAD_SHA. */
  pullRequest?: number
}

/**
 * Runs the committed action bundle as GitHub's runner does, without blocking this process (the
 * fake API answers from it): `node dist/index.js` with INPUT_<NAME> variables, the event file, and
 * the runner's files for outputs and the job summary.
 */
export async function runActionBundleAsync(
  workspace: string,
  inputs: Record<string, string>,
  runner: RunnerEnvironment,
): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-runner-'))
  const outputFile = path.join(runnerTemp, 'output.txt')
  const summaryFile = path.join(runnerTemp, 'step-summary.md')
  const eventFile = path.join(runnerTemp, 'event.json')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const event = runner.pullRequest
    ? {
        action: 'synchronize',
        number: runner.pullRequest,
        pull_request: { number: runner.pullRequest, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } },
      }
    : { ref: 'refs/heads/main', after: HEAD_SHA }
  await writeFile(eventFile, JSON.stringify(event))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_API_URL: runner.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: runner.pullRequest ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: runner.pullRequest ? MERGE_SHA : HEAD_SHA,
    GITHUB_RUN_ID: '9876543210',
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'dist', 'index.js')], {
    cwd: workspace,
    env,
    timeout: 120_000,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
  }
}

function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) outputs[match[1]!] = match[3]!
  return outputs
}
