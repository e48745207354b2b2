import { run } from './main.js'
import { isSourceWorker, registerSourceWorkerScript, serveSourceWorker } from './run-sources.js'

if (isSourceWorker()) {
  serveSourceWorker()
} else {
  // Worker threads that read files load this same script (see run-sources.ts).
  registerSourceWorkerScript(import.meta.url)
  void run()
}
