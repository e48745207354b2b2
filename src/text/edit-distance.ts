/** Optimal string alignment distance: edits, with a swap of two neighbours counted once. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows of the table (the swap looks two rows back) instead of the whole table.
  const columns = b.length + 1
  let before = new Array<number>(columns).fill(0)
  let previous = Array.from({ length: columns }, (_, j) => j)
  let current = new Array<number>(columns).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1)
      current[j] = best
    }
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[columns - 1]!
}
