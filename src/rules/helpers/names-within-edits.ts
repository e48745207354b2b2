/** Longer names are compared one by one (a row per letter of the trie would cost too much memory). */
const LONGEST_SEARCHED_NAME = 253

/**
 * Names in a trie (case kept), searched for every one within a few edits of a name by optimal
 * string alignment distance (as editDistanceWithin: a swap of two neighbours counts once): the row
 * of distances is computed once per prefix, and a subtree is left as soon as no cell of its row is
 * within the limit (no row below it has a smaller cell).
 *
 * The trie is kept in arrays, one slot per node (node 0 is the root), a node's children in a list
 * of siblings: a namespace's names make many nodes, and a map per node would cost more than they.
 */
export class NamesWithinEdits {
  /** The letter (UTF-16 code unit) that leads to the node. */
  private readonly letter: number[] = [0]
  /** The node's last added child, or -1. */
  private readonly firstChild: number[] = [-1]
  /** The child of the same parent added before it, or -1. */
  private readonly nextSibling: number[] = [-1]
  /** The name that ends at the node, when one does. */
  private readonly names: (string | undefined)[] = [undefined]

  add(name: string): void {
    let node = 0
    for (let i = 0; i < name.length; i++) {
      const letter = name.charCodeAt(i)
      let child = this.firstChild[node] ?? -1
      while (child !== -1 && this.letter[child] !== letter) child = this.nextSibling[child] ?? -1
      if (child === -1) {
        child = this.letter.length
        this.letter.push(letter)
        this.firstChild.push(-1)
        this.nextSibling.push(this.firstChild[node] ?? -1)
        this.names.push(undefined)
        this.firstChild[node] = child
      }
      node = child
    }
    this.names[node] = name
  }

  /** The names within `limit` edits of `name`, in no particular order; undefined when `name` is too long to search. */
  within(name: string, limit: number): string[] | undefined {
    if (name.length > LONGEST_SEARCHED_NAME) return undefined
    const columns = name.length + 1
    const found: string[] = []
    // rows[i]: the distances between the trie's prefix of i letters and each prefix of `name`.
    const rows: Int32Array[] = [Int32Array.from({ length: columns }, (_, j) => j)]
    const letters: number[] = []
    const rootName = this.names[0]
    if (rootName !== undefined && name.length <= limit) found.push(rootName)
    const visit = (node: number, depth: number): void => {
      const above = rows[depth]
      if (!above) return
      const twoAbove = depth > 0 ? rows[depth - 1] : undefined
      const letterBefore = letters[depth - 1] ?? -1
      const row = (rows[depth + 1] ??= new Int32Array(columns))
      for (let child = this.firstChild[node] ?? -1; child !== -1; child = this.nextSibling[child] ?? -1) {
        const letter = this.letter[child] ?? 0
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
        const childName = this.names[child]
        if (childName !== undefined && (row[columns - 1] ?? 0) <= limit) found.push(childName)
        visit(child, depth + 1)
      }
    }
    visit(0, 0)
    return found
  }
}
