import { readFile } from 'node:fs/promises'
import type { SourceFinding } from '../model/finding.js'
import { fileLocation } from '../model/location.js'
import { looksRelevantByName } from './classify.js'

/** Decoded text, or why there is none (a note, only for files that look relevant by name). */
export type Decoded = { ok: true; text: string } | { ok: false; finding?: SourceFinding }

/** Bytes looked at for NUL bytes, as git and grep do. */
const BINARY_SNIFF_BYTES = 8000

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
    if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0')) return skipped(path, 'it holds NUL characters, so it is not text; exclude it, or save it as UTF-8 text')
  } else {
    const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0)
    if (nul !== -1) return skipped(path, `it is binary (a NUL byte at offset ${nul}), not text; exclude it, or save it as UTF-8 text`)
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    text = bytes.toString('utf8', start)
  }
  return { ok: true, text: normaliseLineEnds(text) }
}

/** Reads and decodes a discovered file; a file that cannot be read (gone, no permission) yields a note. */
export async function readCandidateText(path: string, absolutePath: string): Promise<Decoded> {
  let bytes: Buffer
  try {
    bytes = await readFile(absolutePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return skipped(path, `it cannot be read (${code ?? (error as Error).message})`)
  }
  return decodeText(path, bytes)
}

export function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

function skipped(path: string, why: string): Decoded {
  if (!looksRelevantByName(path)) return { ok: false }
  return {
    ok: false,
    finding: { ruleId: 'parse-error', level: 'note', location: fileLocation(path), message: `Skipped ${path}: ${why}`, key: `skipped:${path}` },
  }
}
