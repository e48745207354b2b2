import type { Template } from './template.js'

/**
 * Patterns over strings: a literal character, `?` (exactly one character) or `*` (any string).
 * IAM globs (`StringLike`, `Action`) are patterns, and so is a template with unknown holes: each
 * hole stands for any string. Comparing two patterns answers the questions the evaluator asks
 * of unknowns: can they match at all, and must they?
 */
export type Token = { char: string } | 'one' | 'any'
export type Pattern = readonly Token[]

/** `*` and `?` are wildcards, holes are `*`. */
export function globPattern(template: Template): Pattern {
  return template.flatMap((part): Token[] =>
    'hole' in part ? ['any'] : [...part.text].map((char) => (char === '*' ? 'any' : char === '?' ? 'one' : { char })),
  )
}

/** Every character is literal, holes are `*`. */
export function literalPattern(template: Template): Pattern {
  return template.flatMap((part): Token[] => ('hole' in part ? ['any'] : [...part.text].map((char) => ({ char }))))
}

/** Whether some string matches both patterns: a walk over pairs of positions, O(length × length). */
export function intersects(a: Pattern, b: Pattern): boolean {
  const seen = new Uint8Array((a.length + 1) * (b.length + 1))
  const stack: [number, number][] = [[0, 0]]
  const visit = (i: number, j: number) => {
    const id = i * (b.length + 1) + j
    if (!seen[id]) {
      seen[id] = 1
      stack.push([i, j])
    }
  }
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [i, j] = top
    if (i === a.length && j === b.length) return true
    const x = a[i]
    const y = b[j]
    if (x === 'any') visit(i + 1, j)
    if (y === 'any') visit(i, j + 1)
    if (x === undefined || y === undefined) continue
    if (x === 'any' && y !== 'any') visit(i, j + 1)
    else if (y === 'any' && x !== 'any') visit(i + 1, j)
    else if (x !== 'any' && y !== 'any' && (x === 'one' || y === 'one' || x.char === y.char)) visit(i + 1, j + 1)
  }
  return false
}

export interface PatternRelation {
  /** Some string matches both. */
  intersects: boolean
  /** Every string `subject` matches, `pattern` matches too. */
  contained: boolean
}

/**
 * Both questions at once. Containment walks the two patterns' automata in step (subset
 * construction); only the characters the patterns name can behave differently, so the walk tries
 * each of those and one stand-in for every other character.
 */
export function relate(fullSubject: Pattern, fullPattern: Pattern): PatternRelation {
  const [subject, pattern] = withoutCommonEnds(fullSubject, fullPattern)
  const id = `${patternKey(subject)} ${patternKey(pattern)}`
  const cached = relations.get(id)
  if (cached) return cached
  if (relations.size >= 10_000) relations.clear()
  const relation = decideRelation(subject, pattern)
  relations.set(id, relation)
  return relation
}

/** Pairs decided lately: the same policy values meet the same templates across statements and attempts. */
const relations = new Map<string, PatternRelation>()

function patternKey(pattern: Pattern): string {
  return pattern.map((token) => (token === 'any' ? '*' : token === 'one' ? '?' : `\\${token.char}`)).join('')
}

function decideRelation(subject: Pattern, pattern: Pattern): PatternRelation {
  if (!intersects(subject, pattern)) return { intersects: false, contained: false }
  const alphabet = [
    ...new Set([...subject, ...pattern].flatMap((token) => (typeof token === 'object' ? [token.char] : []))),
  ]
  alphabet.push(OTHER)
  const start: [number[], number[]] = [closure(subject, [0]), closure(pattern, [0])]
  const seen = new Set<string>([key(start)])
  const queue = [start]
  for (let next = queue.pop(); next; next = queue.pop()) {
    const [subjectStates, patternStates] = next
    if (subjectStates.includes(subject.length) && !patternStates.includes(pattern.length))
      return { intersects: true, contained: false }
    for (const char of alphabet) {
      const nextSubject = step(subject, subjectStates, char)
      if (nextSubject.length === 0) continue
      const next: [number[], number[]] = [nextSubject, step(pattern, patternStates, char)]
      const id = key(next)
      if (!seen.has(id)) {
        seen.add(id)
        queue.push(next)
      }
    }
  }
  return { intersects: true, contained: true }
}

/** Drops the literal characters both patterns start (and end) with: they change neither answer. */
function withoutCommonEnds(a: Pattern, b: Pattern): [Pattern, Pattern] {
  const same = (x: Token | undefined, y: Token | undefined) =>
    typeof x === 'object' && typeof y === 'object' && x.char === y.char
  let start = 0
  while (start < a.length && start < b.length && same(a[start], b[start])) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && same(a[a.length - 1 - end], b[b.length - 1 - end])) end++
  return [a.slice(start, a.length - end), b.slice(start, b.length - end)]
}

/** Whether a known string matches a pattern (greedy `*` with backtracking to the last star). */
export function globMatches(pattern: Pattern, value: string): boolean {
  const chars = [...value]
  let p = 0
  let v = 0
  let star = -1
  let starV = 0
  while (v < chars.length) {
    const token = pattern[p]
    if (token === 'any') {
      star = p++
      starV = v
    } else if (token !== undefined && (token === 'one' || token.char === chars[v])) {
      p++
      v++
    } else if (star >= 0) {
      p = star + 1
      v = ++starV
    } else {
      return false
    }
  }
  while (pattern[p] === 'any') p++
  return p === pattern.length
}

const OTHER = ''

/** The states after reading `char`; `states` and the result are ascending. */
function step(pattern: Pattern, states: readonly number[], char: string): number[] {
  const next: number[] = []
  for (const state of states) {
    const token = pattern[state]
    if (token === undefined) continue
    const target = token === 'any' ? state : token === 'one' || token.char === char ? state + 1 : -1
    if (target >= 0 && next[next.length - 1] !== target) next.push(target)
  }
  return closure(pattern, next)
}

/** Adds the states reachable by letting a `*` match the empty string; ascending in and out. */
function closure(pattern: Pattern, states: readonly number[]): number[] {
  const result: number[] = []
  for (const state of states) {
    const last = result.at(-1)
    if (last !== undefined && last >= state) continue
    let position = state
    result.push(position)
    while (pattern[position] === 'any') result.push(++position)
  }
  return result
}

function key([subject, pattern]: [number[], number[]]): string {
  return `${subject.join(',')}|${pattern.join(',')}`
}
