/**
 * Where a source parses one file into plain data that depends on the file's path and text alone
 * (a kustomization, a Chart.yaml), it may ask `memoizedParse`: a caller that keeps results between
 * runs (the fact cache, while it runs the sources on this thread) installs a memo that answers a
 * copy of an earlier run's result for the same path and text. Without one, it parses.
 */
export interface ParseMemo {
  parse<T>(kind: string, path: string, text: string, parse: () => T): T
}

let installed: ParseMemo | undefined

/**
 * Installs the memo until `removeParseMemo(memo)`. Its entries are functions of the kind, path and
 * text alone, so a run that overlaps another's may use the other's memo.
 */
export function installParseMemo(memo: ParseMemo): void {
  installed = memo
}

/** Removes the memo, unless another was installed since. */
export function removeParseMemo(memo: ParseMemo): void {
  if (installed === memo) installed = undefined
}

/** `parse()`, or the installed memo's copy of its result for this kind, path and text. */
export function memoizedParse<T>(kind: string, path: string, text: string, parse: () => T): T {
  return installed ? installed.parse(kind, path, text, parse) : parse()
}
