/**
 * Names in a trie, searched for the ones nearest to a name by Levenshtein distance (ignoring
 * case): the table of distances is computed once per trie node, shared by every name with that
 * prefix, and a subtree is left as soon as no cell of its row is within the bound. Names built
 * from the same words share most of their nodes, so a search visits a small part of the names.
 *
 * The trie is laid out in flat arrays when first searched (breadth first, so a node's children
 * are consecutive), and a row only computes the cells within the bound of its diagonal (a cell
 * further away is more edits than the bound; it is kept as the bound plus one).
 *
 * When compareNames orders the names letter by letter (they are written in the letters of
 * LETTER_RANKS), a node's children are in that order, so that the search meets the names in name
 * order: once `count` names are kept, a subtree whose names are all as far as the last kept holds
 * none that is kept (each comes after it in name order), and is left.
 */
interface Entry<T> {
  value: T
  name: string
  lowerCaseName: string
  /** Its place in insertion order (or the order the caller gave): the last tie-breaker. */
  order: number
}

/** The trie in arrays, one slot per node; node 0 is the root. */
interface FlatTrie {
  /** The letter (UTF-16 code unit) that leads to the node. */
  code: Uint16Array
  /** The node's children are the nodes firstChild[node] to firstChild[node + 1] - 1. */
  firstChild: Int32Array
  /** The fewest and most letters after the node's of the names below it. */
  minRest: Int32Array
  maxRest: Int32Array
  /** The entries whose lower-case name ends at the node are entryOrder[firstEntry[node]] to entryOrder[firstEntry[node + 1] - 1], in insertion order. */
  firstEntry: Int32Array
  entryOrder: Int32Array
  /** Whether every name is in letters of LETTER_RANKS (the children are then in their order). */
  ranked: boolean
}

interface Found<T> {
  entry: Entry<T>
  distance: number
}

const collator = new Intl.Collator()
const compareNames = collator.compare

/**
 * The letters of IAM role names (lower case), by the place compareNames gives them, where it
 * compares names of these letters (and capitals) as their lower-case letters one after the other
 * (a name after its prefixes), case deciding only between names equal but for it: so in English
 * (the root collation, untailored) with the default options. Undefined elsewhere.
 */
const LETTER_RANKS = letterRanks()

function letterRanks(): Int32Array | undefined {
  const { locale, sensitivity, ignorePunctuation, numeric, caseFirst } = collator.resolvedOptions()
  if (!/^en(-|$)/.test(locale) || sensitivity !== 'variant' || ignorePunctuation || numeric || caseFirst !== 'false')
    return undefined
  const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789+=,.@_-'].sort(compareNames)
  const ranks = new Int32Array(128).fill(-1)
  for (const [rank, letter] of letters.entries()) {
    const previous = letters[rank - 1]
    if (previous !== undefined && !(compareNames(previous, letter) < 0 && compareNames(letter, `${previous}a`) > 0))
      return undefined
    ranks[letter.charCodeAt(0)] = rank
  }
  // A capital is its letter but for case, which decides only after every letter.
  for (let letter = 0x61; letter <= 0x7a; letter++) {
    const lower = String.fromCharCode(letter)
    const upper = lower.toUpperCase()
    if (!(compareNames(`${upper}a`, `${lower}b`) < 0 && compareNames(`${lower}a`, `${upper}b`) < 0)) return undefined
  }
  return ranks
}

/** Whether a name is in letters of LETTER_RANKS and capitals. */
function isRanked(name: string, ranks: Int32Array): boolean {
  for (let i = 0; i < name.length; i++) {
    const letter = name.charCodeAt(i)
    if (letter >= 128 || (ranks[letter]! < 0 && !(letter >= 0x41 && letter <= 0x5a))) return false
  }
  return true
}

export class NearNameIndex<T> {
  private readonly entries: Entry<T>[] = []
  private trie: FlatTrie | undefined
  // The search's rows of distances and its stack, kept from one search to the next.
  private rows = new Int32Array(1024)
  private stackNode = new Int32Array(256)
  private stackDepth = new Int32Array(256)

  /** `order` numbers the names of several indexes searched together (nearestAcross); by default, the order of adding. */
  add(name: string, value: T, order = this.entries.length): void {
    this.entries.push({ value, name, lowerCaseName: name.toLowerCase(), order })
    this.trie = undefined
  }

  /**
   * Up to `count` values whose names are within `limit` edits of `name` (ignoring case): by
   * distance, then name, then order.
   */
  nearest(name: string, limit: number, count: number): T[] {
    return this.nearestEntries(name, limit, count).map((found) => found.entry.value)
  }

  private nearestEntries(name: string, limit: number, count: number): Found<T>[] {
    if (this.entries.length === 0 || count <= 0) return []
    const trie = (this.trie ??= flatten(this.entries))
    const query = name.toLowerCase()
    // Within three edits first, then four…: a small bound prunes most of the trie, and once `count`
    // names are within it, no name further away can be among the nearest (nor can the order of the
    // names within it change: it is by distance, then name, then insertion order). Not two: a typo
    // is a few edits from the name meant, but rarely from two more, and a search that keeps fewer
    // than `count` names is done again.
    let found: Found<T>[] = []
    for (let bound = Math.min(3, limit); bound <= limit; bound++) {
      found = this.nearestWithin(trie, query, bound, count)
      if (found.length === count) break
    }
    return found
  }

  /**
   * Up to `count` values of these indexes whose names are within `limit` edits of `name`: those
   * one index of all their names would give, when their orders number one sequence.
   */
  static nearestAcross<T>(indexes: readonly NearNameIndex<T>[], name: string, limit: number, count: number): T[] {
    const single = indexes.length === 1 ? indexes[0] : undefined
    if (single) return single.nearest(name, limit, count)
    // Each index's nearest hold those of all the indexes among the nearest.
    return indexes
      .flatMap((index) => index.nearestEntries(name, limit, count))
      .sort(compareFound)
      .slice(0, count)
      .map((found) => found.entry.value)
  }

  private nearestWithin(trie: FlatTrie, query: string, limit: number, count: number): Found<T>[] {
    const { code, firstChild, minRest, maxRest, firstEntry } = trie
    const length = query.length
    const columns = length + 1
    const queryCodes = new Uint16Array(length)
    for (let j = 0; j < length; j++) queryCodes[j] = query.charCodeAt(j)
    const kept: Found<T>[] = []
    let bound = limit
    // One row of distances per depth, the row of depth d at d * columns.
    let rows = this.rows
    if (rows.length < 2 * columns) this.rows = rows = grow(rows, 2 * columns)
    for (let j = 0; j < columns; j++) rows[j] = j
    if (length <= bound) bound = this.keep(trie, 0, length, kept, count, limit)

    // Depth-first, with the stack in arrays: a node's row is computed from its parent's, which
    // stays in place until every node below the parent has been visited.
    let stackNode = this.stackNode
    let stackDepth = this.stackDepth
    let top = 0
    for (let child = firstChild[1]! - 1; child >= firstChild[0]!; child--) {
      if (top === stackNode.length)
        [this.stackNode, this.stackDepth] = [stackNode, stackDepth] = [grow(stackNode), grow(stackDepth)]
      stackNode[top] = child
      stackDepth[top++] = 1
    }
    while (top > 0) {
      const node = stackNode[--top]!
      const depth = stackDepth[top]!
      if ((depth + 1) * columns > rows.length) this.rows = rows = grow(rows, (depth + 1) * columns)
      const above = (depth - 1) * columns
      const here = depth * columns
      const letter = code[node]!
      const nodeMinRest = minRest[node]!
      const nodeMaxRest = maxRest[node]!
      rows[here] = depth
      // The least distance of a name below the node: a cell's distance plus the difference
      // between the letters left in the query and in the name.
      let best = depth + restGap(length, nodeMinRest, nodeMaxRest)
      const from = depth - bound > 1 ? depth - bound : 1
      const to = depth + bound < length ? depth + bound : length
      if (from > 1) rows[here + from - 1] = bound + 1
      let insertion = rows[here + from - 1]! + 1
      for (let j = from; j <= to; j++) {
        const substitution = rows[above + j - 1]! + (queryCodes[j - 1] === letter ? 0 : 1)
        const deletion = rows[above + j]! + 1
        const cell =
          substitution < deletion
            ? substitution < insertion
              ? substitution
              : insertion
            : deletion < insertion
              ? deletion
              : insertion
        rows[here + j] = cell
        insertion = cell + 1
        if (cell < best) {
          const least = cell + restGap(length - j, nodeMinRest, nodeMaxRest)
          if (least < best) best = least
        }
      }
      if (to < length) rows[here + to + 1] = bound + 1
      if (best > bound) continue
      // Its names are no nearer than the last kept, and come after it in name order.
      if (best === bound && trie.ranked && kept.length === count) continue
      const distance = rows[here + length]!
      if (to === length && distance <= bound && firstEntry[node + 1]! > firstEntry[node]!) {
        bound = this.keep(trie, node, distance, kept, count, limit)
      }
      for (let child = firstChild[node + 1]! - 1; child >= firstChild[node]!; child--) {
        if (top === stackNode.length)
          [this.stackNode, this.stackDepth] = [stackNode, stackDepth] = [grow(stackNode), grow(stackDepth)]
        stackNode[top] = child
        stackDepth[top++] = depth + 1
      }
    }
    return kept
  }

  /** Keeps the node's entries among the nearest `count` found so far; returns the bound that remains. */
  private keep(trie: FlatTrie, node: number, distance: number, kept: Found<T>[], count: number, limit: number): number {
    for (let e = trie.firstEntry[node]!; e < trie.firstEntry[node + 1]!; e++) {
      const entry = this.entries[trie.entryOrder[e]!]
      if (!entry) continue
      const found = { entry, distance }
      let at = kept.length
      while (at > 0 && compareFound(found, kept[at - 1]!) < 0) at--
      if (at >= count) continue
      kept.splice(at, 0, found)
      if (kept.length > count) kept.pop()
    }
    const last = kept[count - 1]
    return last && last.distance < limit ? last.distance : limit
  }
}

function compareFound(a: Found<unknown>, b: Found<unknown>): number {
  return a.distance - b.distance || compareNames(a.entry.name, b.entry.name) || a.entry.order - b.entry.order
}

/** The entries' lower-case names in a trie of flat arrays, breadth first. */
function flatten(entries: readonly Entry<unknown>[]): FlatTrie {
  const ranks = LETTER_RANKS && entries.every((entry) => isRanked(entry.name, LETTER_RANKS)) ? LETTER_RANKS : undefined
  interface Node {
    children: Map<number, Node>
    entries: number[]
    minRest: number
    maxRest: number
  }
  const newNode = (): Node => ({ children: new Map(), entries: [], minRest: Number.MAX_SAFE_INTEGER, maxRest: 0 })
  const root = newNode()
  entries.forEach(({ lowerCaseName }, order) => {
    let node = root
    for (let i = 0; ; i++) {
      const rest = lowerCaseName.length - i
      if (rest < node.minRest) node.minRest = rest
      if (rest > node.maxRest) node.maxRest = rest
      if (i === lowerCaseName.length) break
      const letter = lowerCaseName.charCodeAt(i)
      let child = node.children.get(letter)
      if (!child) {
        child = newNode()
        node.children.set(letter, child)
      }
      node = child
    }
    node.entries.push(order)
  })

  const nodes: Node[] = [root]
  const letters: number[] = [0]
  for (let index = 0; index < nodes.length; index++) {
    const children = [...nodes[index]!.children]
    if (ranks) children.sort(([a], [b]) => ranks[a]! - ranks[b]!)
    for (const [letter, child] of children) {
      nodes.push(child)
      letters.push(letter)
    }
  }
  const size = nodes.length
  const trie: FlatTrie = {
    code: Uint16Array.from(letters),
    firstChild: new Int32Array(size + 1),
    minRest: new Int32Array(size),
    maxRest: new Int32Array(size),
    firstEntry: new Int32Array(size + 1),
    entryOrder: new Int32Array(entries.length),
    ranked: ranks !== undefined,
  }
  let nextChild = 1
  let nextEntry = 0
  nodes.forEach((node, index) => {
    trie.firstChild[index] = nextChild
    nextChild += node.children.size
    trie.minRest[index] = node.minRest
    trie.maxRest[index] = node.maxRest
    trie.firstEntry[index] = nextEntry
    for (const order of node.entries) trie.entryOrder[nextEntry++] = order
  })
  trie.firstChild[size] = nextChild
  trie.firstEntry[size] = nextEntry
  return trie
}

/** The array with twice the room, its contents kept. */
function grow(array: Int32Array<ArrayBuffer>, least = 0): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(array.length * 2, least))
  grown.set(array)
  return grown
}

/** The edits that `queryRest` letters left in the query need at least to become a name below the node. */
function restGap(queryRest: number, minRest: number, maxRest: number): number {
  if (queryRest < minRest) return minRest - queryRest
  if (queryRest > maxRest) return queryRest - maxRest
  return 0
}
