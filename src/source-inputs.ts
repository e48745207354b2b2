import type { FileKind } from './discover/classify.js'
import {
  appendResult,
  emptyResult,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceResult,
} from './sources/source.js'

/** What one source read, in source order. */
export interface SourceRun {
  source: Source
  result: SourceResult
}

/** Which part of a parted source (see SourceParts) a task reads. */
export interface PartOfSource {
  index: number
  count: number
}

export function groupByKind(files: readonly SourceFile[]): Map<FileKind, SourceFile[]> {
  const byKind = new Map<FileKind, SourceFile[]>()
  for (const file of files) {
    const list = byKind.get(file.kind)
    if (list) list.push(file)
    else byKind.set(file.kind, [file])
  }
  return byKind
}

export function filesOfKinds(files: readonly SourceFile[], kinds: readonly FileKind[]): SourceFile[] {
  return files.filter((file) => kinds.includes(file.kind))
}

/** A source's input: the files of its kinds that no earlier source consumed. */
export function inputOf(
  source: Source,
  byKind: ReadonlyMap<FileKind, SourceFile[]>,
  consumed: ReadonlySet<string>,
): SourceFile[] {
  return source.kinds.flatMap((kind) => byKind.get(kind) ?? []).filter((file) => !consumed.has(file.path))
}

/** A task's result: the source's over its files, or one part's (merged with the others when all are in). */
export function readTask(
  source: Source,
  files: readonly SourceFile[],
  context: SourceContext,
  part: PartOfSource | undefined,
): SourceResult {
  if (part && source.parts) return source.parts.read(files, context, part.index, part.count) as SourceResult
  return source.read(files, context)
}

export function sameFiles(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  return a.length === b.length && a.every((file, index) => file === b[index])
}

/** The results of a per-file source's chunks, as one result over all its files. */
export function mergeResults(results: readonly SourceResult[]): SourceResult {
  if (results.length === 1) return results[0]!
  const merged = emptyResult()
  const consumed: string[] = []
  for (const result of results) {
    appendResult(merged, result)
    for (const path of result.consumedFiles ?? []) consumed.push(path)
  }
  if (consumed.length > 0) merged.consumedFiles = consumed
  return merged
}
