import type { Facts } from '../../model/facts.js'

/**
 * Which documents of a YAML manifest a rule can care about, judged from their text without
 * parsing them, and the text to parse with the other documents blanked out.
 *
 * A document is read if its text holds, in any letter case and with any whitespace (line breaks
 * too) between the letters, one of: `serviceaccount` (the ServiceAccount kind, serviceAccountName,
 * serviceAccount), `eks`, `aws`, `amazon`, `role` (every key annotation-key-typo can report is
 * within three edits of eks.amazonaws.com/role-arn after lower-casing and dropping whitespace, and
 * three edits cannot break all four of its disjoint parts eks, amazon, aws and role; its other
 * branch and kube2iam's iam.amazonaws.com/role contain amazon, aws or eks; the other IRSA
 * annotations contain eks; the env names workload-env-blocks-injection reads start with AWS_),
 * `irsa-guard` (suppression annotations), `template` or `pod` not followed by a letter (every
 * workload: a pod template, or the Pod kind; a workload that names no ServiceAccount runs as its
 * namespace's default one, which workload-runs-as-default and sdk-sts-module-missing relate to
 * ServiceAccounts in other files), a backslash (a double-quoted escape can spell any letter) or
 * any character outside ASCII (toLowerCase maps U+212A KELVIN SIGN to k; \s matches Unicode
 * spaces). YAML makes the string of a key or value from its text only by folding line breaks and
 * indentation, undoubling '' in single quotes, and escapes; aliases and merge keys refer within
 * their own document. A document with none of these yields no ServiceAccount, no workload, and
 * no annotation or label key a rule reads, so no finding. What it can still change is handled where it is read: which workload a lookup by
 * kind, file, name and namespace finds first (pathsLookedUpByName: the file is then read whole),
 * and what a Kustomize build's patches, selectors and renames do with it (the build then reads
 * every document). The yaml package reads each document on its own, with two exceptions that
 * splitManifest guards against: an unclosed quote that runs over the documents after it, and a
 * document opening with `]` or `}`, whose parse error goes to the document before it; and when
 * the kept text has any parse error, the reader parses the whole text instead.
 *
 * The skipped documents are still checked for syntax, by a faster parser (shared/yaml-validate.ts);
 * when it cannot vouch for them the reader parses the whole text, so that their parse errors are
 * reported exactly as without the sniff.
 */

/** One or more whole documents of a YAML stream, from a `---` or `...` line (or the start of the text) to the next. */
export interface ManifestPart {
  /** Offset of its first character. */
  start: number
  /** Offset after its last character (its final line break included). */
  end: number
  /** Its text may matter to a rule. */
  relevant: boolean
}

/**
 * Lines a YAML 1.2 stream (and the yaml package's lexer) reads as a document boundary: `---` or
 * `...` at the start of a line followed by a space, a tab, a line break or the end. Such a line
 * ends any scalar, flow collection or block scalar (§9.1; for the one exception see
 * keepWhereQuotesMaySwallow), so cutting there never splits a document. Only `\n` starts a line,
 * as in the lexer: a lone `\r` does not.
 */
const DOCUMENT_BOUNDARY = /\n(?:---|\.\.\.)(?=[ \t\r\n]|$)/g
const STARTS_WITH_BOUNDARY = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/
/** A directive (`%YAML`, `%TAG`) changes how the next document is read: such files are read whole. */
const DIRECTIVE = /(?:^|\n)\uFEFF?%/
const MARKER_WORDS = ['serviceaccount', 'irsa-guard', 'amazon', 'role', 'eks', 'aws']
const spelled = (word: string): string => [...word].join('\\s*')
const KEY_MARKERS = `${MARKER_WORDS.map(spelled).join('|')}|[\\\\\\u0080-\\uffff]`
/** Every workload: `template` (spec.template, a CronJob's jobTemplate) or a Pod (`pod` not followed by a letter). */
const WORKLOAD_MARKERS = `${spelled('template')}|${spelled('pod')}(?![a-z])`
const MARKERS = new RegExp(`${KEY_MARKERS}|${WORKLOAD_MARKERS}`, 'gi')
const MARKER_IN_KEY = new RegExp(KEY_MARKERS, 'i')

/**
 * The parts of a manifest, each marked relevant or not; undefined when the text must be read
 * whole: it has directives, or template expressions (`{{ }}`: its parse errors are then
 * reported as one finding for the whole file).
 */
export function splitManifest(text: string): ManifestPart[] | undefined {
  if (text.includes('{{') || DIRECTIVE.test(text)) return undefined
  const parts: ManifestPart[] = []
  let start = 0
  DOCUMENT_BOUNDARY.lastIndex = 0
  for (let match = DOCUMENT_BOUNDARY.exec(text); match; match = DOCUMENT_BOUNDARY.exec(text)) {
    const boundary = match.index + 1
    parts.push({ start, end: boundary, relevant: false })
    start = boundary
  }
  parts.push({ start, end: text.length, relevant: false })
  markRelevant(text, parts)
  for (const part of parts.slice(1)) if (!part.relevant && opensWithClosingBracket(text, part)) part.relevant = true
  for (const last of [lastSingleQuoteOpening(text), lastDoubleQuoteClosing(text)])
    keepWhereQuotesMaySwallow(parts, last)
  return parts
}

/**
 * A document whose first token is `]` or `}` (after tags, anchors and comments) gives its parse
 * error to the document before it: such a part is read, so that the error shows in the parse of
 * the kept text (which then makes the reader parse the whole text).
 */
function opensWithClosingBracket(text: string, part: ManifestPart): boolean {
  for (let lineStart = part.start + 3; lineStart < part.end;) {
    const lineEnd = Math.min(text.indexOf('\n', lineStart) >>> 0, part.end)
    for (const word of text.slice(lineStart, lineEnd).split(/[ \t\r]+/)) {
      if (word === '') continue
      if (word.startsWith('#')) break
      if (/[\]}]/.test(word)) return true
      if (!word.startsWith('!') && !word.startsWith('&')) return false
    }
    lineStart = lineEnd + 1
  }
  return false
}

/**
 * The one place where the yaml lexer reads past a document boundary: a quoted scalar whose
 * closing quote it finds nowhere later in the text runs to the end of the text, swallowing the
 * documents after it. Only a scalar opened at the last possible closing quote can do that, so
 * the part holding it is read whenever a relevant part follows. (A kept document whose quote
 * runs past its own end always has a parse error, and a parse error makes the reader parse the
 * whole text instead.)
 */
function keepWhereQuotesMaySwallow(parts: ManifestPart[], last: number): void {
  if (last < 0) return
  const index = parts.findIndex((part) => part.start <= last && last < part.end)
  if (index >= 0 && parts.slice(index + 1).some((part) => part.relevant)) parts[index]!.relevant = true
}

/** The lexer looks for the end of a single-quoted scalar past `''` pairs: only the first quote of a run of odd length can open one that nothing closes. */
function lastSingleQuoteOpening(text: string): number {
  for (let end = text.lastIndexOf("'"); end >= 0;) {
    let start = end
    while (start > 0 && text[start - 1] === "'") start -= 1
    if ((end - start) % 2 === 0) return start
    end = start > 0 ? text.lastIndexOf("'", start - 1) : -1
  }
  return -1
}

/** The lexer ends a double-quoted scalar at the first `"` after an even number of backslashes. */
function lastDoubleQuoteClosing(text: string): number {
  for (let at = text.lastIndexOf('"'); at >= 0; at = at > 0 ? text.lastIndexOf('"', at - 1) : -1) {
    let backslashes = 0
    while (text[at - 1 - backslashes] === '\\') backslashes += 1
    if (backslashes % 2 === 0) return at
  }
  return -1
}

/** One scan of the text: each match marks its part, and the scan resumes at the next part. */
function markRelevant(text: string, parts: ManifestPart[]): void {
  let index = 0
  MARKERS.lastIndex = 0
  for (let match = MARKERS.exec(text); match; match = MARKERS.exec(text)) {
    while (parts[index]!.end <= match.index) index += 1
    parts[index]!.relevant = true
    index += 1
    if (index === parts.length) return
    MARKERS.lastIndex = parts[index]!.start
  }
}

/**
 * The text with the parts `keep` rejects reduced to their boundary marker and their line breaks:
 * the kept documents parse as before, at the same lines and columns, and each dropped one is an
 * empty document (a `---` with nothing after it) that readers skip.
 */
export function keepParts(text: string, parts: readonly ManifestPart[], keep: (part: ManifestPart) => boolean): string {
  let kept = ''
  for (const part of parts) {
    if (keep(part)) {
      kept += text.slice(part.start, part.end)
      continue
    }
    const marker = STARTS_WITH_BOUNDARY.test(text.slice(part.start, part.start + 4)) ? 3 : 0
    kept +=
      text.slice(part.start, part.start + marker) +
      text.slice(part.start + marker, part.end).replace(/[^\r\n]+|\r(?!\n)/g, '')
  }
  return kept
}

/** A parsed key (a Kustomize commonAnnotations or labels key) that the same test would keep. */
export function keyMayMatter(key: string): boolean {
  return MARKER_IN_KEY.test(key)
}

/**
 * The files of the facts a rule will look up by kind, file, name and namespace: the workload or
 * object read from the same manifest object (helpers/kubernetes.ts workloadOfObject and
 * objectOfWorkload take the first match). annotation-key-typo and annotation-wrong-object do it for
 * an object other than a ServiceAccount with an annotation or label key they report,
 * workload-env-blocks-injection for a workload with an AWS_* variable. A skipped document of such
 * a file could be that first match, so the file must then be read whole.
 */
export function pathsLookedUpByName(facts: Pick<Partial<Facts>, 'objects' | 'workloads'>): Set<string> {
  const paths = new Set<string>()
  for (const object of facts.objects ?? []) {
    if (object.kind !== 'ServiceAccount' && object.annotations.some((annotation) => keyMayMatter(annotation.key)))
      paths.add(object.location.path)
  }
  for (const workload of facts.workloads ?? []) {
    if (workload.containers.some((container) => container.env.some((variable) => /aws/i.test(variable.name))))
      paths.add(workload.location.path)
  }
  return paths
}
