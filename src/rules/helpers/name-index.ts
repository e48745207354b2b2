/**
 * Names in a trie, searched for the ones nearest to a name by Levenshtein distance (ignoring
 * case): the table of distances is computed once per trie node, shared by every name with that
 * prefix, and a subtree is left as soon as no cell of its row is within the bound. Names built
 * from the same words share most of their nodes, so a search visits a small part of the names.
 */
interface Entry<T> {
  value: T
  name: string
  /** Its place in insertion order: the last tie-breaker. */
  order: number
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>>
  /** The entries whose lower-case name ends here, in insertion order. */
  entries: Entry<T>[]
  /** The fewest and most letters after this node's of the names below it. */
  minRest: number
  maxRest: number
}

export class NearNameIndex<T> {
  private readonly root: TrieNode<T> = newNode()
  private size = 0

  add(name: string, value: T): void {
    const lowerCaseName = name.toLowerCase()
    let node = this.root
    for (let i = 0; ; i++) {
      const rest = lowerCaseName.length - i
      if (rest < node.minRest) node.minRest = rest
      if (rest > node.maxRest) node.maxRest = rest
      if (i === lowerCaseName.length) break
      const code = lowerCaseName.charCodeAt(i)
      let child = node.children.get(code)
      if (!child) {
        child = newNode()
        node.children.set(code, child)
      }
      node = child
    }
    node.entries.push({ value, name, order: this.size++ })
  }

  /**
   * Up to `count` values whose names are within `limit` edits of `name` (ignoring case): by
   * distance, then name, then insertion order.
   */
  nearest(name: string, limit: number, count: number): T[] {
    // Within one edit first, then two…: a small bound prunes most of the trie, and once `count`
    // names are within it, no name further away can be among the nearest.
    for (let bound = 0; bound < limit; bound++) {
      const found = this.nearestWithin(name, bound, count)
      if (found.length === count) return found
    }
    return this.nearestWithin(name, limit, count)
  }

  private nearestWithin(name: string, limit: number, count: number): T[] {
    const query = name.toLowerCase()
    const columns = query.length + 1
    const kept: (Entry<T> & { distance: number })[] = []
    const bound = () => (kept.length >= count ? Math.min(limit, kept[count - 1]!.distance) : limit)
    const rows: Int32Array[] = []
    const rowAt = (depth: number): Int32Array => (rows[depth] ??= new Int32Array(columns))
    const first = rowAt(0)
    for (let j = 0; j < columns; j++) first[j] = j

    const visit = (node: TrieNode<T>, depth: number): void => {
      const row = rows[depth]!
      if (node.entries.length > 0 && row[columns - 1]! <= bound()) {
        const distance = row[columns - 1]!
        for (const entry of node.entries) {
          kept.push({ ...entry, distance })
          kept.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name) || a.order - b.order)
          if (kept.length > count) kept.pop()
        }
      }
      for (const [code, child] of node.children) {
        const next = rowAt(depth + 1)
        next[0] = depth + 1
        // The least distance of a name below the child: a cell's distance plus the difference
        // between the letters left in the query and in the name.
        let best = next[0] + restGap(columns - 1, child)
        for (let j = 1; j < columns; j++) {
          const substitution = row[j - 1]! + (query.charCodeAt(j - 1) === code ? 0 : 1)
          const deletion = row[j]! + 1
          const insertion = next[j - 1]! + 1
          const cell =
            substitution < deletion
              ? substitution < insertion
                ? substitution
                : insertion
              : deletion < insertion
                ? deletion
                : insertion
          next[j] = cell
          if (cell < best) {
            const least = cell + restGap(columns - 1 - j, child)
            if (least < best) best = least
          }
        }
        if (best <= bound()) visit(child, depth + 1)
      }
    }
    if (this.size > 0) visit(this.root, 0)
    return kept.map((entry) => entry.value)
  }
}

function newNode<T>(): TrieNode<T> {
  return { children: new Map(), entries: [], minRest: Number.MAX_SAFE_INTEGER, maxRest: 0 }
}

/** The edits that `queryRest` letters left in the query need at least to become a name below `node`. */
function restGap(queryRest: number, node: TrieNode<unknown>): number {
  if (queryRest < node.minRest) return node.minRest - queryRest
  if (queryRest > node.maxRest) return queryRest - node.maxRest
  return 0
}
