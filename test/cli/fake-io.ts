import { main } from '../../src/cli.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI's main() with captured output, as a shell would with the given working directory. */
export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  })
  return { code, stdout, stderr }
}
