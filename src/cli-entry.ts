#!/usr/bin/env node
import { main } from './cli.js'
import { escapeWorkflowCommandText } from './report/escape.js'
import { isSourceWorker, registerSourceWorkerScript, serveSourceWorker } from './run-sources.js'
import { errorText } from './model/error-text.js'

if (isSourceWorker()) serveSourceWorker()
else runCli()

function runCli(): void {
  // Worker threads that read files load this same script (see run-sources.ts).
  registerSourceWorkerScript(import.meta.url)
  // A reader that stops early (`irsa-guard | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })

  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`irsa-guard: internal error: ${escapeWorkflowCommandText(errorText(error))}\n`)
      process.exitCode = 2
    },
  )
}
