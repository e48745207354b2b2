import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import nodePath from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as TreeSitter from 'web-tree-sitter'

/*
 * The HCL parser is tree-sitter's Terraform grammar run by web-tree-sitter, both WebAssembly.
 * The three files are referenced with `new URL(…, import.meta.url)` so that ncc's asset relocator
 * copies them next to the bundle and rewrites each reference to that copy's path; from the
 * sources (tests) the same URLs point into node_modules, with package resolution as the fallback.
 * web-tree-sitter's CommonJS build is loaded at run time rather than bundled: its ES module build
 * reaches `createRequire` through a dynamic `import("module")` that webpack's interop turns into a
 * namespace without it.
 */
const RUNTIME_SCRIPT = new URL('../../../node_modules/web-tree-sitter/web-tree-sitter.cjs', import.meta.url)
const RUNTIME_WASM = new URL('../../../node_modules/web-tree-sitter/web-tree-sitter.wasm', import.meta.url)
const GRAMMAR_WASM = new URL(
  '../../../node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  import.meta.url,
)

export type HclParser = TreeSitter.Parser
export type SyntaxNode = TreeSitter.Node

let loading: Promise<HclParser> | undefined
let loaded: HclParser | undefined

/** Loads the parser once per process; later calls share the same promise. */
export function loadHclParser(): Promise<HclParser> {
  // No `??=` in this file: ncc's asset relocator cannot parse it and would then leave the WASM
  // references to webpack, which corrupts binary assets.
  if (!loading) {
    loading = load().then((parser) => {
      loaded = parser
      return parser
    })
  }
  return loading
}

/** The parser when `loadHclParser` has finished, else undefined. */
export function loadedHclParser(): HclParser | undefined {
  return loaded
}

async function load(): Promise<HclParser> {
  const require = createRequire(import.meta.url)
  const script = existsSync(RUNTIME_SCRIPT) ? pathOf(RUNTIME_SCRIPT) : require.resolve('web-tree-sitter')
  const runtime = existsSync(RUNTIME_WASM)
    ? readFileSync(RUNTIME_WASM)
    : readFileSync(nodePath.join(nodePath.dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm'))
  const grammar = existsSync(GRAMMAR_WASM)
    ? readFileSync(GRAMMAR_WASM)
    : readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'))
  const { Parser, Language } = require(script) as typeof TreeSitter
  await Parser.init({ wasmBinary: runtime })
  const language = await Language.load(grammar)
  const parser = new Parser()
  parser.setLanguage(language)
  return parser
}

/** In the bundle the reference is a plain path to the copy beside it; from the sources, a file URL. */
function pathOf(reference: URL | string): string {
  const text = String(reference)
  return text.startsWith('file:') ? fileURLToPath(text) : text
}
