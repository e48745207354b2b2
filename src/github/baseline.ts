import { ConfigError } from '../config.js'
import { confinementFor, describeNotRead, readFileBytes } from '../discover/file-bytes.js'
import type { Finding } from '../model/finding.js'

/** Accepted findings, known by their fingerprints (rule, file and subject; not the line). */
export interface Baseline {
  fingerprints: ReadonlySet<string>
}

export const BASELINE_VERSION = 1

interface BaselineFile {
  version: number
  findings: { fingerprint: string; ruleId?: string; path?: string; message?: string }[]
}

/** A baseline accepting every finding given; rule, path and message are kept for people reading the file. */
export function formatBaseline(findings: readonly Finding[]): string {
  const file: BaselineFile = {
    version: BASELINE_VERSION,
    findings: findings.map((finding) => ({
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      path: finding.location.path,
      message: finding.message,
    })),
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Parses a baseline file; a malformed one is a ConfigError naming the file. */
export function parseBaseline(text: string, shownPath: string): Baseline {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ConfigError(`${shownPath}: baseline is not valid JSON`)
  }
  const file = data as Partial<BaselineFile> | null
  if (!file || typeof file !== 'object' || file.version !== BASELINE_VERSION || !Array.isArray(file.findings)) {
    throw new ConfigError(
      `${shownPath}: not an irsa-guard baseline (expected {"version": ${BASELINE_VERSION}, "findings": [...]}; write one with irsa-guard --write-baseline)`,
    )
  }
  const fingerprints = new Set<string>()
  file.findings.forEach((entry, index) => {
    if (!entry || typeof entry.fingerprint !== 'string' || entry.fingerprint === '')
      throw new ConfigError(`${shownPath}: findings[${index}] has no fingerprint`)
    fingerprints.add(entry.fingerprint)
  })
  return { fingerprints }
}

/** A baseline is at most this large; a larger one is refused before it is read. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024

/** Reads a baseline file; inside the scanned `root` it is read only when it resolves inside it, and a refused file is named, never shown. */
export async function readBaseline(absolutePath: string, shownPath: string, root?: string): Promise<Baseline> {
  const read = readFileBytes(absolutePath, {
    within: root === undefined ? undefined : confinementFor(absolutePath, root),
    limit: MAX_BASELINE_BYTES,
  })
  if (!read.ok) {
    const reason =
      read.why === 'missing'
        ? ': no such file'
        : read.why === 'unreadable' && read.code
          ? ` (${read.code})`
          : `: ${describeNotRead(read.why, read.code)}`
    throw new ConfigError(`${shownPath}: cannot read baseline file${reason}`)
  }
  return parseBaseline(read.bytes.toString('utf8'), shownPath)
}

/** Findings the baseline does not accept, and those it does. */
export function partitionByBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
): { reported: Finding[]; accepted: Finding[] } {
  const reported: Finding[] = []
  const accepted: Finding[] = []
  for (const finding of findings) (baseline.fingerprints.has(finding.fingerprint) ? accepted : reported).push(finding)
  return { reported, accepted }
}
