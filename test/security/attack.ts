import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'

export const CLI_BUNDLE = path.join(repositoryRoot, 'dist', 'cli', 'index.js')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI bundle as a user would, with the PATH given (and nothing else of ours in the environment but `extraEnv`). */
export function runCliBundle(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawnSync(process.execPath, [CLI_BUNDLE, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
  })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

/**
 * A fake `helm` (a real executable, in a directory of its own outside every repository) that
 * records each argument on a line of `argv` and the plugin variables on `env`, then prints one
 * ServiceAccount, as `helm template` would. It uses shell builtins only: irsa-guard runs it with an empty PATH.
 */
export function fakeHelm(): FakeTool {
  return fakeTool('helm')
}

export interface FakeTool {
  directory: string
  argvFile: string
  envFile: string
  calls(): string[][]
  /** The recorded environment of each call, scratch paths as `<scratch>`. */
  environments(): string[]
}

/** A fake `name` (helm, kubectl) as fakeHelm describes. */
export function fakeTool(name: string): FakeTool {
  const directory = mkdtempSync(path.join(os.tmpdir(), `irsa-guard-fake-${name}-`))
  const argvFile = path.join(directory, 'argv')
  const envFile = path.join(directory, 'env')
  const script = [
    '#!/bin/sh',
    `for argument in "$@"; do echo "$argument"; done >> '${argvFile}'`,
    `echo '--- end of call' >> '${argvFile}'`,
    `echo "PATH=$PATH HOME=$HOME HTTPS_PROXY=$HTTPS_PROXY HELM_NO_PLUGINS=$HELM_NO_PLUGINS HELM_PLUGINS=$HELM_PLUGINS GITHUB_TOKEN=$GITHUB_TOKEN" >> '${envFile}'`,
    'echo "apiVersion: v1"',
    'echo "kind: ServiceAccount"',
    'echo "metadata:"',
    'echo "  name: orders"',
    'echo "  namespace: web"',
    '',
  ].join('\n')
  writeFileSync(path.join(directory, name), script)
  chmodSync(path.join(directory, name), 0o755)
  return {
    directory,
    argvFile,
    envFile,
    calls: () =>
      existsSync(argvFile)
        ? readFileSync(argvFile, 'utf8')
            .split('--- end of call\n')
            .filter((call) => call !== '')
            .map((call) => call.replace(/\n$/, '').split('\n'))
        : [],
    environments: () =>
      existsSync(envFile)
        ? readFileSync(envFile, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => line.replace(/\/[^ ]*\/irsa-guard-run-[^/ ]+/g, '<scratch>'))
        : [],
  }
}
