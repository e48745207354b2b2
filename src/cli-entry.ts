#!/usr/bin/env node
import { main } from './cli.js'

// A reader that stops early (`irsa-guard | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`irsa-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  },
)
