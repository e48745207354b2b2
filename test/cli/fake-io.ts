import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { main } from '../../src/cli.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface FakeTerminal {
  /** Standard output is a terminal this many columns wide. */
  columns?: number
  /** Standard error is a terminal too. */
  stderrIsTerminal?: boolean
  env?: Record<string, string>
}

/** Runs the CLI's main() with captured output, as a shell would with the given working directory (and terminal). */
export async function runCli(argv: string[], cwd: string, terminal: FakeTerminal = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: {
      write: (text: string) => (stdout += text),
      ...(terminal.columns !== undefined ? { isTTY: true, columns: terminal.columns } : {}),
    },
    stderr: { write: (text: string) => (stderr += text), ...(terminal.stderrIsTerminal ? { isTTY: true } : {}) },
    ...(terminal.env ? { env: terminal.env } : {}),
  })
  return { code, stdout, stderr }
}

/**
 * A copy of a fixture directory in a new temporary directory, outside this project's git
 * repository, so that the CLI takes it for a repository root of its own; removed after the file's tests.
 */
export function copyOutsideRepository(source: string): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-copy-'))
  const copy = path.join(directory, path.basename(source))
  cpSync(source, copy, { recursive: true })
  afterAll(() => rmSync(directory, { recursive: true, force: true }))
  return copy
}

/** Standard error with every duration (`12 ms`, `1.5 s`) written `…`: what --verbose says, without its timings. */
export function withoutDurations(text: string): string {
  return text.replace(/\b\d+(?:\.\d+)? (?:ms|s)\b/g, '…')
}
