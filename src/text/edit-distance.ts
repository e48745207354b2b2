/** Optimal string alignment distance: edits, with a swap of two neighbours counted once. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length), true)
}

/**
 * The optimal string alignment distance of `editDistance` when it is at most `limit`, else
 * `limit + 1`: only the cells within `limit` of the diagonal are computed, and it stops at the
 * first row that is all above the limit.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  return boundedDistance(a, b, limit, true)
}

/** The Levenshtein distance (a swap is two edits) when it is at most `limit`, else `limit + 1`. */
export function levenshteinDistanceWithin(a: string, b: string, limit: number): number {
  return boundedDistance(a, b, limit, false)
}

// Three rolling rows of the table (a swap looks two rows back), reused from call to call.
let before = new Int32Array(64)
let previous = new Int32Array(64)
let current = new Int32Array(64)

function boundedDistance(a: string, b: string, limit: number, swaps: boolean): number {
  const rows = a.length
  const columns = b.length
  const over = limit + 1
  // Each edit changes the length by at most one.
  if (Math.abs(rows - columns) > limit) return over
  if (limit < Math.max(rows, columns) && unmatchedLetters(a, b) > limit) return over
  if (current.length < columns + 2) {
    before = new Int32Array(columns + 2)
    previous = new Int32Array(columns + 2)
    current = new Int32Array(columns + 2)
  }
  // A cell further than `limit` from the diagonal costs more than `limit`: it counts as `over`.
  const lastInBand = Math.min(columns, limit)
  for (let j = 0; j <= lastInBand; j++) previous[j] = j
  if (lastInBand < columns) previous[lastInBand + 1] = over
  for (let i = 1; i <= rows; i++) {
    const first = Math.max(1, i - limit)
    const last = Math.min(columns, i + limit)
    current[first - 1] = first === 1 ? i : over
    if (last < columns) current[last + 1] = over
    const letter = a.charCodeAt(i - 1)
    const letterBefore = i > 1 ? a.charCodeAt(i - 2) : -1
    let rowBest = first === 1 ? i : over
    for (let j = first; j <= last; j++) {
      const other = b.charCodeAt(j - 1)
      let best = previous[j - 1]! + (letter === other ? 0 : 1)
      const deletion = previous[j]! + 1
      if (deletion < best) best = deletion
      const insertion = current[j - 1]! + 1
      if (insertion < best) best = insertion
      if (swaps && j > 1 && letter === b.charCodeAt(j - 2) && letterBefore === other) {
        const swap = before[j - 2]! + 1
        if (swap < best) best = swap
      }
      if (best > over) best = over
      current[j] = best
      if (best < rowBest) rowBest = best
    }
    // No cell of a later row is below the smallest of this one.
    if (rowBest > limit) return over
    const oldest = before
    before = previous
    previous = current
    current = oldest
  }
  const distance = previous[columns]!
  return distance > limit ? over : distance
}

/** How many times each UTF-16 code unit occurs, zero again between calls. */
const codeUnitCounts = new Int32Array(0x10000)

/**
 * A lower bound of the distance: the letters of one string that the other lacks (counted with
 * repetition). An edit adds, removes or replaces one letter, so it settles at most one of them on
 * each side; a swap settles none and needs none.
 */
function unmatchedLetters(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) codeUnitCounts[a.charCodeAt(i)]!++
  let onlyInB = 0
  for (let j = 0; j < b.length; j++) {
    const letter = b.charCodeAt(j)
    if (codeUnitCounts[letter]! > 0) codeUnitCounts[letter]!--
    else onlyInB++
  }
  for (let i = 0; i < a.length; i++) codeUnitCounts[a.charCodeAt(i)] = 0
  const onlyInA = a.length - (b.length - onlyInB)
  return Math.max(onlyInA, onlyInB)
}

const LETTER_GROUPS = 40

/**
 * How often each letter, digit and separator occurs in a text (other characters share one count),
 * to compare one text with many: see `letterCountDistance`.
 */
export function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(LETTER_GROUPS)
  for (let i = 0; i < text.length; i++) {
    const group = letterGroup(text.charCodeAt(i))
    if (counts[group]! < 255) counts[group]!++
  }
  return counts
}

/** A lower bound of both distances of two texts, from their `letterCounts` (as `unmatchedLetters`). */
export function letterCountDistance(a: Uint8Array, b: Uint8Array): number {
  let onlyInA = 0
  let onlyInB = 0
  for (let group = 0; group < LETTER_GROUPS; group++) {
    const difference = a[group]! - b[group]!
    if (difference > 0) onlyInA += difference
    else onlyInB -= difference
  }
  return Math.max(onlyInA, onlyInB)
}

/** a–z, 0–9, "-", ".", "_", then everything else together (which only lowers the bound). */
function letterGroup(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61
  if (code >= 0x30 && code <= 0x39) return 26 + code - 0x30
  if (code === 0x2d) return 36
  if (code === 0x2e) return 37
  if (code === 0x5f) return 38
  return 39
}
