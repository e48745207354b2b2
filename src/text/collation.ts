/** The comparison of String.prototype.localeCompare with no locale or option (ECMA-402: the same collator). */
const compare = new Intl.Collator().compare

/**
 * Each text's rank in localeCompare order (texts that compare equal share one), so that sorting
 * many items by a text compares numbers and collates each distinct text only a few times.
 */
export function collationRanks(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort(compare)
  const ranks = new Map<string, number>()
  let rank = 0
  sorted.forEach((text, index) => {
    const previous = sorted[index - 1]
    if (previous !== undefined && compare(previous, text) !== 0) rank++
    ranks.set(text, rank)
  })
  return ranks
}
