interface Node {
  children: Map<number, Node>
  /** The name that ends here, when one does. */
  name?: string
}

/** Longer names are compared one by one (a row per letter of the trie would cost too much memory). */
const LONGEST_SEARCHED_NAME = 253

/**
 * Names in a trie (case kept), searched for every one within a few edits of a name by optimal
 * string alignment distance (as editDistanceWithin: a swap of two neighbours counts once): the row
 * of distances is computed once per prefix, and a subtree is left as soon as no cell of its row is
 * within the limit (no row below it has a smaller cell).
 */
export class NamesWithinEdits {
  private readonly root: Node = { children: new Map() }

  add(name: string): void {
    let node = this.root
    for (let i = 0; i < name.length; i++) {
      const letter = name.charCodeAt(i)
      let child = node.children.get(letter)
      if (!child) {
        child = { children: new Map() }
        node.children.set(letter, child)
      }
      node = child
    }
    node.name = name
  }

  /** The names within `limit` edits of `name`, in no particular order; undefined when `name` is too long to search. */
  within(name: string, limit: number): string[] | undefined {
    if (name.length > LONGEST_SEARCHED_NAME) return undefined
    const columns = name.length + 1
    const found: string[] = []
    // rows[i]: the distances between the trie's prefix of i letters and each prefix of `name`.
    const rows: Int32Array[] = [Int32Array.from({ length: columns }, (_, j) => j)]
    const letters: number[] = []
    if (this.root.name !== undefined && name.length <= limit) found.push(this.root.name)
    const visit = (node: Node, depth: number): void => {
      const above = rows[depth]
      if (!above) return
      const twoAbove = depth > 0 ? rows[depth - 1] : undefined
      const letterBefore = letters[depth - 1] ?? -1
      const row = (rows[depth + 1] ??= new Int32Array(columns))
      for (const [letter, child] of node.children) {
        letters[depth] = letter
        row[0] = depth + 1
        let rowBest = depth + 1
        for (let j = 1; j < columns; j++) {
          const other = name.charCodeAt(j - 1)
          let best = (above[j - 1] ?? 0) + (letter === other ? 0 : 1)
          const deletion = (above[j] ?? 0) + 1
          if (deletion < best) best = deletion
          const insertion = (row[j - 1] ?? 0) + 1
          if (insertion < best) best = insertion
          if (twoAbove && j > 1 && letter === name.charCodeAt(j - 2) && letterBefore === other) {
            const swap = (twoAbove[j - 2] ?? 0) + 1
            if (swap < best) best = swap
          }
          row[j] = best
          if (best < rowBest) rowBest = best
        }
        if (rowBest > limit) continue
        if (child.name !== undefined && (row[columns - 1] ?? 0) <= limit) found.push(child.name)
        visit(child, depth + 1)
      }
    }
    visit(this.root, 0)
    return found
  }
}
