import { serveSourceWorker } from './run-sources.js'

// The worker entry of the unbundled build (the bundles serve from their own entry point).
serveSourceWorker()
