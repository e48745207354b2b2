import { isValidNamespace, isValidServiceAccountName } from './kubernetes-names.js'

/**
 * What is wrong with a `:sub` condition value, judged against the only subject a ServiceAccount
 * token carries: `system:serviceaccount:<namespace>:<name>` with Kubernetes (DNS-1123) names.
 * `*` and `?` count as wildcards here; whether the operator honours them is another rule's question.
 */
export interface SubjectProblem {
  /** Completes "<value> …, so no ServiceAccount token matches". */
  problem: string
  /** What to write instead. */
  fix: string
}

const PREFIX = 'system:serviceaccount:'
const GENERIC_FIX = `write "${PREFIX}<namespace>:<name>"`
const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|\{[A-Za-z_][\w.]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*|<[^<>]*>/

export function subjectProblem(value: string, options: { ignoreCase: boolean }): SubjectProblem | undefined {
  const problem = findSubjectProblem(value, options)
  return problem && !suggestsRefusedName(problem.fix) ? problem : problem && { ...problem, fix: REAL_NAMES_FIX }
}

const REAL_NAMES_FIX = `write "${PREFIX}<namespace>:<name>" with the ServiceAccount's real namespace and name (Kubernetes names are lowercase letters, digits and "-")`

/** A fix naming a subject whose namespace or name Kubernetes refuses: no ServiceAccount could ever match it. */
function suggestsRefusedName(fix: string): boolean {
  const written = /"system:serviceaccount:([^:"]*):([^:"]*)"/.exec(fix)
  if (!written) return false
  const [, namespace, name] = written as unknown as [string, string, string]
  const judged = (part: string) => !hasWildcard(part) && !PLACEHOLDER.test(part)
  return (judged(namespace) && !isValidNamespace(namespace)) || (judged(name) && !isValidServiceAccountName(name))
}

function findSubjectProblem(value: string, options: { ignoreCase: boolean }): SubjectProblem | undefined {
  if (value === '') return { problem: 'is empty', fix: GENERIC_FIX }
  if (value.trim() !== value)
    return {
      problem: 'has leading or trailing whitespace, which STS compares literally',
      fix: `write "${value.trim()}"`,
    }
  const placeholder = PLACEHOLDER.exec(value)
  if (placeholder)
    return {
      problem: `holds the unrendered placeholder "${placeholder[0]}", which STS compares literally`,
      fix: 'render it before the policy is applied, or write the namespace and name',
    }
  if (/^(https:\/\/)?sts\.|amazonaws\.com/i.test(value))
    return { problem: 'is an audience, not a subject (it belongs under the ":aud" key)', fix: GENERIC_FIX }
  if (value.startsWith(PREFIX + PREFIX))
    return { problem: `repeats the "${PREFIX}" prefix`, fix: `write "${value.slice(PREFIX.length)}"` }
  if (value.startsWith('system:serviceaccounts:')) {
    const rest = value.slice('system:serviceaccounts:'.length)
    const fix = rest.includes(':') ? `write "${PREFIX}${rest}"` : `name the ServiceAccount: "${PREFIX}${rest}:<name>"`
    return {
      problem:
        'starts with "system:serviceaccounts:" (plural), a Kubernetes group prefix that token subjects never have',
      fix,
    }
  }
  const unprefixed = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : value
  const slashed = /^([^/:]+)\/([^/:]+)$/.exec(unprefixed)
  if (slashed)
    return { problem: 'separates namespace and name with "/"', fix: `write "${PREFIX}${slashed[1]}:${slashed[2]}"` }
  if (value.startsWith('serviceaccount:'))
    return { problem: 'lacks the "system:" prefix', fix: `write "system:${value}"` }
  return prefixProblem(value) ?? segmentProblem(value, options)
}

function prefixProblem(value: string): SubjectProblem | undefined {
  const segments = value.split(':')
  const [first = '', second] = segments
  if (hasWildcard(first) || first === 'system') {
    if (first === 'system' && second !== undefined && !hasWildcard(second) && second !== 'serviceaccount') {
      return {
        problem: `does not start with "${PREFIX}"`,
        fix: segments.length === 4 ? `write "${PREFIX}${segments[2]}:${segments[3]}"` : GENERIC_FIX,
      }
    }
    return undefined
  }
  if (segments.length === 2 && segments.every(isNameLike))
    return { problem: `lacks the "${PREFIX}" prefix`, fix: `write "${PREFIX}${value}"` }
  if (segments.length === 1 && isNameLike(value))
    return { problem: 'names no namespace', fix: `write "${PREFIX}<namespace>:${value}"` }
  return { problem: `is not of the form "${PREFIX}<namespace>:<name>"`, fix: GENERIC_FIX }
}

function segmentProblem(value: string, options: { ignoreCase: boolean }): SubjectProblem | undefined {
  const segments = value.split(':')
  if (segments.length > 4)
    return {
      problem: `has ${segments.length} ":"-separated parts where a subject has 4 (${PREFIX}<namespace>:<name>)`,
      fix: GENERIC_FIX,
    }
  const wildcardAt = segments.findIndex(hasWildcard)
  if (wildcardAt < 0 && segments.length < 4) {
    const fix =
      segments.length === 3
        ? `write "${value}:<name>" (or use StringLike "${value}:*" for every ServiceAccount of the namespace)`
        : GENERIC_FIX
    return {
      problem:
        segments.length === 3
          ? 'names a namespace but no ServiceAccount'
          : `has ${segments.length} ":"-separated parts where a subject has 4`,
      fix,
    }
  }
  // Past the first wildcard a part's position is uncertain (`*` also matches ":"), so only parts up to it are judged.
  const lastJudged = wildcardAt < 0 ? 3 : wildcardAt
  for (const [index, kind] of [
    [2, 'namespace'],
    [3, 'ServiceAccount name'],
  ] as const) {
    if (index > lastJudged || segments[index] === undefined) continue
    const problem = nameProblem(segments, index, kind, options)
    if (problem) return problem
  }
  return undefined
}

function nameProblem(
  segments: string[],
  index: 2 | 3,
  kind: 'namespace' | 'ServiceAccount name',
  options: { ignoreCase: boolean },
): SubjectProblem | undefined {
  const part = segments[index] ?? ''
  const valid = (candidate: string) =>
    kind === 'namespace' ? isValidNamespacePart(candidate) : isValidNamePart(candidate)
  if (valid(part) || (options.ignoreCase && valid(part.toLowerCase()))) return undefined
  if (valid(part.toLowerCase())) {
    const fixed = segments.map((segment, at) => (at === index ? segment.toLowerCase() : segment)).join(':')
    return {
      problem: `has the ${kind} "${part}" in uppercase, which Kubernetes names never are`,
      fix: `write "${fixed}"`,
    }
  }
  const rule =
    kind === 'namespace'
      ? 'lowercase letters, digits and "-", at most 63'
      : 'lowercase letters, digits, "-" and ".", at most 253'
  return {
    problem: `has the ${kind} "${part}", which is not a valid Kubernetes name (${rule})`,
    fix: `write the ServiceAccount's real ${kind === 'namespace' ? 'namespace' : 'name'}`,
  }
}

/** A namespace part, possibly with wildcards: what is written around them must fit a DNS-1123 label. */
function isValidNamespacePart(part: string): boolean {
  if (!hasWildcard(part)) return isValidNamespace(part)
  return /^[a-z0-9*?-]+$/.test(part)
}

function isValidNamePart(part: string): boolean {
  if (!hasWildcard(part)) return isValidServiceAccountName(part)
  return /^[a-z0-9.*?-]+$/.test(part)
}

function isNameLike(part: string): boolean {
  return /^[A-Za-z0-9][\w.-]*$/.test(part)
}

function hasWildcard(part: string): boolean {
  return part.includes('*') || part.includes('?')
}
