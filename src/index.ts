import { run } from './main.js'
import { isSourceWorker, registerSourceWorkerScript, serveSourceWorker } from './run-sources.js'

if (isSourceWorker()) {
  serveSourceWorker()
} else {
  // Worker threads that read files load this same script (see run-sources.ts).
  registerSourceWorkerScript(import.meta.url)
  // Once it has reported, the step ends: nothing left pending (a socket to an endpoint that never answers) may hold it open.
  void run().finally(() => process.exit())
}
