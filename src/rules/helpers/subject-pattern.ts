import { globMatches, globPattern } from '../../iam/glob.js'
import { text } from '../../iam/template.js'
import { serviceAccountSubject } from '../../model/service-account-subject.js'

/**
 * How far a wildcard `:sub` pattern reaches, read against the subject's fixed shape
 * `system:serviceaccount:<namespace>:<name>` (exactly three colons). A `*` may stand for colons
 * too, so a pattern with fewer colons is read in every way its wildcards could supply them.
 */
export interface SubjectReach {
  /** The namespace part as the pattern writes it: `*`, `team-*`, `prod`. */
  namespacePart: string
  namePart: string
  /** The namespace part holds a wildcard: namespaces no one has created yet qualify. */
  anyNamespace: boolean
  /** The name part is a lone `*`: every ServiceAccount of the namespace qualifies. */
  anyName: boolean
  /** A subject the pattern admits with made-up namespace and/or name, to ask the evaluator about. */
  witness: { namespace: string; name: string }
}

const FILL = 'zq7x-undefined'

/** The broadest reading of the pattern, or undefined when it admits no subject beyond the ones it names. */
export function subjectReach(pattern: string): SubjectReach | undefined {
  if (!/[*?]/.test(pattern)) return undefined
  const readings = fourPartReadings(pattern).flatMap((parts) => reachOf(parts, pattern))
  return readings.sort((a, b) => rank(b) - rank(a))[0]
}

function rank(reach: SubjectReach): number {
  return (reach.anyNamespace ? 2 : 0) + (reach.anyName ? 1 : 0)
}

function reachOf(
  [system = '', serviceaccount = '', namespacePart = '', namePart = '']: string[],
  pattern: string,
): SubjectReach[] {
  if (
    !globMatches(globPattern(text(system)), 'system') ||
    !globMatches(globPattern(text(serviceaccount)), 'serviceaccount')
  )
    return []
  const witness = { namespace: fill(namespacePart), name: fill(namePart) }
  if (
    !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(witness.namespace) ||
    !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(witness.name)
  )
    return []
  // The witness must be a subject the original pattern admits (it is, unless a reading is wrong).
  if (!globMatches(globPattern(text(pattern)), serviceAccountSubject(witness.namespace, witness.name))) return []
  const reach = {
    namespacePart,
    namePart,
    anyNamespace: /[*?]/.test(namespacePart),
    anyName: namePart === '*',
    witness,
  }
  return reach.anyNamespace || reach.anyName ? [reach] : []
}

/** `*` becomes a made-up name, `?` one letter. */
function fill(part: string): string {
  return part.replace(/\*/g, FILL).replace(/\?/g, 'x')
}

/** Every way to read the pattern as four `:`-separated parts, letting `*` wildcards supply missing colons. */
function fourPartReadings(pattern: string): string[][] {
  const parts = pattern.split(':')
  if (parts.length > 4) return []
  if (parts.length === 4) return [parts]
  const missing = 4 - parts.length
  const stars = [...pattern].flatMap((char, index) => (char === '*' ? [index] : []))
  const readings: string[][] = []
  // Up to 3 colons among k wildcards is about k³/6 readings: beyond a few dozen wildcards, only those giving all of them to one.
  const shares =
    sharingCount(missing, stars.length) <= MAX_READINGS
      ? distributions(missing, stars.length)
      : stars.map((_, index) => stars.map((__, other) => (other === index ? missing : 0)))
  for (const counts of shares) {
    let expanded = ''
    let star = 0
    for (const char of pattern) {
      if (char === '*') expanded += Array.from({ length: counts[star++]! + 1 }, () => '*').join(':')
      else expanded += char
    }
    readings.push(expanded.split(':'))
  }
  return readings
}

const MAX_READINGS = 20_000

/** How many ways there are to share `total` colons among `slots` wildcards: (slots + total - 1) choose total. */
function sharingCount(total: number, slots: number): number {
  let count = 1
  for (let taken = 1; taken <= total; taken++) count = (count * (slots + taken - 1)) / taken
  return count
}

/** Every way to share `total` colons among `slots` wildcards. */
function distributions(total: number, slots: number): number[][] {
  if (slots === 0) return total === 0 ? [[]] : []
  if (slots === 1) return [[total]]
  const result: number[][] = []
  for (let first = 0; first <= total; first++)
    for (const rest of distributions(total - first, slots - 1)) result.push([first, ...rest])
  return result
}
