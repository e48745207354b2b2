import {
  editDistance,
  editDistanceWithin,
  letterCountDistance,
  letterCounts,
  levenshteinDistanceWithin,
} from '../../src/text/edit-distance.js'

// The distances behind the typo rules (annotation-key-typo, role-not-found, workload-service-account-missing).

/** The whole table, as the definitions read: the reference the bounded versions must agree with. */
function reference(a: string, b: string, swaps: boolean): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i]!
      row[j] = Math.min(table[i - 1]![j]! + 1, row[j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1)
    }
  }
  return table[a.length]![b.length]!
}

describe('edit distances', () => {
  it('counts a swap of neighbours as one edit in the optimal string alignment distance, as two in Levenshtein', () => {
    expect(editDistance('eks.amazonaws.com/role-arn', 'eks.amazonaws.com/roel-arn')).toBe(1)
    expect(levenshteinDistanceWithin('eks.amazonaws.com/role-arn', 'eks.amazonaws.com/roel-arn', 3)).toBe(2)
    expect(editDistance('eks.amazon.com/role-arn', 'eks.amazonaws.com/role-arn')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('ca', 'abc')).toBe(3)
  })

  it('gives the distance when it is at most the limit, else the limit plus one', () => {
    expect(editDistanceWithin('orders-api', 'orders-apl', 1)).toBe(1)
    expect(editDistanceWithin('orders-api', 'orders-apl', 0)).toBe(1)
    expect(editDistanceWithin('payments-reader', 'payments-raeder', 1)).toBe(1)
    expect(levenshteinDistanceWithin('payments-reader', 'payments-raeder', 1)).toBe(2)
    expect(levenshteinDistanceWithin('payments-reader', 'payments-raeder', 2)).toBe(2)
    // Same letters, another order: only the table can tell.
    expect(levenshteinDistanceWithin('abcdef', 'fedcba', 5)).toBe(6)
    expect(levenshteinDistanceWithin('abcdef', 'fedcba', 6)).toBe(6)
    // A length difference beyond the limit, and letters one string lacks.
    expect(editDistanceWithin('role', 'role-arn-x', 3)).toBe(4)
    expect(editDistanceWithin('aaaa', 'bbbb', 3)).toBe(4)
    expect(editDistanceWithin('aaaa', 'bbbb', 4)).toBe(4)
  })

  it('bounds both distances from below by the letters one text lacks', () => {
    expect(letterCountDistance(letterCounts('orders-api'), letterCounts('orders-apl'))).toBe(1)
    expect(letterCountDistance(letterCounts('abcdef'), letterCounts('fedcba'))).toBe(0)
    expect(letterCountDistance(letterCounts('role'), letterCounts('role-arn-x'))).toBe(6)
    expect(letterCountDistance(letterCounts('aaaa'), letterCounts('bb'))).toBe(4)
    // Characters outside a–z, 0–9, "-", "." and "_" share one count.
    expect(letterCountDistance(letterCounts('Ab'), letterCounts('Bb'))).toBe(0)
  })

  it('agrees with the whole table on every pair of short strings over a small alphabet, for every limit', () => {
    const words = ['']
    for (let length = 1; length <= 4; length++) {
      for (const word of words.filter((each) => each.length === length - 1))
        for (const letter of 'abc') words.push(word + letter)
    }
    const disagreements: string[] = []
    for (const a of words) {
      for (const b of words) {
        const alignment = reference(a, b, true)
        const levenshtein = reference(a, b, false)
        if (editDistance(a, b) !== alignment) disagreements.push(`editDistance(${a}, ${b})`)
        if (
          letterCountDistance(letterCounts(a), letterCounts(b)) > levenshtein ||
          letterCountDistance(letterCounts(a), letterCounts(b)) > alignment
        ) {
          disagreements.push(`letterCountDistance(${a}, ${b})`)
        }
        for (let limit = 0; limit <= 5; limit++) {
          if (editDistanceWithin(a, b, limit) !== Math.min(alignment, limit + 1))
            disagreements.push(`editDistanceWithin(${a}, ${b}, ${limit})`)
          if (levenshteinDistanceWithin(a, b, limit) !== Math.min(levenshtein, limit + 1))
            disagreements.push(`levenshteinDistanceWithin(${a}, ${b}, ${limit})`)
        }
      }
    }
    expect(disagreements).toEqual([])
  })
})
