import type { Config } from '../config.js'
import type { FileKind } from '../discover/classify.js'
import type { Facts } from '../model/facts.js'
import type { SourceFinding } from '../model/finding.js'
import type { Suppression } from '../model/suppression.js'

/** A discovered file with its text already read and its kind decided. */
export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string
  kind: FileKind
  text: string
}

export interface SourceResult {
  facts: Partial<Facts>
  findings: SourceFinding[]
  suppressions: Suppression[]
}

export interface SourceContext {
  config: Config
  /** Every file of the scan, by kind (scripts too), for sources that bind to other files. */
  files: readonly SourceFile[]
}

/**
 * One input format. It receives every file of the kinds it declares at once (Terraform needs a
 * module directory together; most sources just loop). It never throws on bad input: it reports a
 * located finding (`parse-error`, or a grammar rule id) and returns what it could read.
 */
export interface Source {
  name: string
  kinds: readonly FileKind[]
  read(files: readonly SourceFile[], context: SourceContext): SourceResult
}

export function emptyResult(): SourceResult {
  return { facts: {}, findings: [], suppressions: [] }
}

/** A Source that reads each file on its own. */
export function perFileSource(name: string, kinds: readonly FileKind[], readFile: (file: SourceFile, context: SourceContext) => SourceResult): Source {
  return {
    name,
    kinds,
    read(files, context) {
      const result = emptyResult()
      for (const file of files) appendResult(result, readFile(file, context))
      return result
    },
  }
}

export function appendResult(into: SourceResult, from: SourceResult): void {
  for (const key of Object.keys(from.facts) as (keyof Facts)[]) {
    const items = from.facts[key]
    if (!items) continue
    const existing = (into.facts[key] ?? []) as unknown[]
    existing.push(...items)
    ;(into.facts as Record<string, unknown[]>)[key] = existing
  }
  into.findings.push(...from.findings)
  into.suppressions.push(...from.suppressions)
}
