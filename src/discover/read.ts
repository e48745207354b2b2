import type { SourceFinding } from '../model/finding.js'
import { fileLocation } from '../model/location.js'
import { classify, looksRelevantByName } from './classify.js'
import type { Candidate } from './discover.js'
import { readFileBytes, type NotRead } from './file-bytes.js'

/** Decoded text, or why there is none (a note, only for files that look relevant by name). */
export type Decoded = { ok: true; text: string } | { ok: false; finding?: SourceFinding }

/** Bytes looked at for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 8000
/** How much of an oversized file is read to decide whether it is worth a note. */
const OVERSIZED_SNIFF_BYTES = 64 * 1024
/** `terraform show -json` plans of real estates run to tens of megabytes and are parsed with JSON.parse, so they get a limit of their own. */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024

function looksLikeTerraformPlan(path: string, head: string): boolean {
  return (
    /\.json$/i.test(path) &&
    head.includes('"format_version"') &&
    (head.includes('"terraform_version"') || head.includes('"planned_values"'))
  )
}

/**
 * Reads and decodes a discovered file through readFileBytes (links out of the root refused,
 * regular files only, never more than the limit read). A file larger than `maxFileBytes` (0: no
 * limit) is not decoded, with a note when its first bytes classify as something irsa-guard reads;
 * a file that cannot be read (gone, no permission) yields a note.
 */
export function readCandidate(candidate: Candidate, maxFileBytes: number): Decoded {
  const { path, absolutePath } = candidate
  const within = candidate.rootReal
  // At least the sniff's worth of bytes, so that an oversized file can still be classified.
  const walked = candidate.regularFile === true
  const read = readFileBytes(absolutePath, {
    within,
    limit: maxFileBytes > 0 ? Math.max(maxFileBytes, OVERSIZED_SNIFF_BYTES) : 0,
    walked,
  })
  if (read.ok) {
    const bytes = read.bytes
    return (
      (maxFileBytes > 0 && bytes.length > maxFileBytes
        ? oversized(path, bytes.length, bytes.subarray(0, OVERSIZED_SNIFF_BYTES), maxFileBytes)
        : undefined) ?? decodeText(path, bytes)
    )
  }
  if (read.why === 'too-large') {
    const decision = oversized(path, read.size ?? 0, read.head!.subarray(0, OVERSIZED_SNIFF_BYTES), maxFileBytes)
    if (decision !== undefined) return decision
    const plan = readFileBytes(absolutePath, { within, limit: Math.max(maxFileBytes, MAX_PLAN_BYTES), walked })
    if (plan.ok) return decodeText(path, plan.bytes)
    if (plan.why === 'too-large')
      return skipped(
        path,
        `it is ${formatBytes(plan.size ?? 0)}, larger than the ${formatBytes(MAX_PLAN_BYTES)} limit of Terraform plans; exclude the file`,
      )
    return notRead(path, plan.why, plan.code)
  }
  return notRead(path, read.why, read.code)
}

function notRead(path: string, why: NotRead, code: string | undefined): Decoded {
  // A directory put where the walk saw a file: not a file, as the walk would have said.
  if (why === 'not-a-file') return { ok: false }
  if (why === 'outside')
    return skipped(
      path,
      'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory',
    )
  return skipped(path, `it cannot be read (${code ?? why})`)
}

/**
 * A file of `size` bytes, over `maxFileBytes`: a note when `head` (its first bytes) classifies as
 * something irsa-guard reads, nothing when it does not, undefined for a Terraform plan within
 * the plans' own limit (read it).
 */
function oversized(path: string, size: number, headBytes: Buffer, maxFileBytes: number): Decoded | undefined {
  const head = headBytes.toString('utf8')
  const plan = looksLikeTerraformPlan(path, head)
  const limit = plan ? Math.max(maxFileBytes, MAX_PLAN_BYTES) : maxFileBytes
  if (size <= limit) return undefined
  const kind = classify(path, head)
  // A lock file too large to read only leaves SDK versions unknown: no note for it.
  const relevant =
    plan || (kind !== 'ignored' && kind !== 'lock-file') || (/\.json$/i.test(path) && head.includes('"format_version"'))
  if (!relevant) return { ok: false }
  return skipped(
    path,
    `it is ${formatBytes(size)}, larger than the ${formatBytes(limit)} limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file`,
  )
}

/**
 * Decodes a file's bytes as text: UTF-8 (BOM stripped; invalid sequences become U+FFFD), or
 * UTF-16 when it starts with a UTF-16 BOM. A NUL byte early in the file means binary. Line ends
 * are normalised to `\n` (CRLF and lone CR), which keeps every line number and column of the
 * text as an editor shows them.
 */
export function decodeText(path: string, bytes: Buffer): Decoded {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return skipped(path, 'it is UTF-32 text; save it as UTF-8')
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2))
    if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0'))
      return skipped(path, 'it holds NUL characters, so it is not text; exclude it, or save it as UTF-8 text')
  } else {
    const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0)
    if (nul !== -1)
      return skipped(path, `it is binary (a NUL byte at offset ${nul}), not text; exclude it, or save it as UTF-8 text`)
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    text = bytes.toString('utf8', start)
  }
  return { ok: true, text: normaliseLineEnds(text) }
}

export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** The note about a file that was not read, at its first line. */
export function skippedFileNote(path: string, why: string): SourceFinding {
  return {
    ruleId: 'parse-error',
    level: 'note',
    location: fileLocation(path),
    message: `Skipped ${path}: ${why}`,
    key: `skipped:${path}`,
  }
}

function skipped(path: string, why: string): Decoded {
  return looksRelevantByName(path) ? { ok: false, finding: skippedFileNote(path, why) } : { ok: false }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} bytes`
}
