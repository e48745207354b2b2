import { getOrCreate } from '../../collections.js'

/**
 * The roles whose trust may name a ServiceAccount, found by the three-letter pieces of its name
 * instead of reading every role's subjects: a subject that contains the name contains each of its
 * pieces, so the roles listed under every one of its pieces (and those whose subjects may hold any
 * name) are all that can. The caller still tests each.
 */
export interface RoleSubjects {
  /** Some sub value is a reference or has a wildcard: it may hold any name. */
  anyName: boolean
  /** The literal sub values. */
  literalSubjects: readonly string[]
}

const PIECE = 3

interface SubjectIndex {
  /** Indexes (in the list) of the entries with some literal subject containing the piece. */
  byPiece: Map<string, number[]>
  anyName: number[]
}

const built = new WeakMap<readonly RoleSubjects[], SubjectIndex>()

function indexOf(list: readonly RoleSubjects[]): SubjectIndex {
  let index = built.get(list)
  if (index) return index
  index = { byPiece: new Map(), anyName: [] }
  list.forEach((entry, at) => {
    if (entry.anyName) index.anyName.push(at)
    const pieces = new Set<string>()
    for (const subject of entry.literalSubjects)
      for (let i = 0; i + PIECE <= subject.length; i++) pieces.add(subject.slice(i, i + PIECE))
    for (const piece of pieces) getOrCreate(index.byPiece, piece, () => []).push(at)
  })
  built.set(list, index)
  return index
}

/** The entries that may have a subject containing `name` (a superset of those that do), in list order. */
export function entriesThatMayName<T extends RoleSubjects>(list: readonly T[], name: string): readonly T[] {
  if (name.length < PIECE) return list
  const index = indexOf(list)
  const postings: (readonly number[])[] = []
  for (let i = 0; i + PIECE <= name.length; i++) {
    const listed = index.byPiece.get(name.slice(i, i + PIECE)) ?? []
    if (listed.length === 0) {
      postings.length = 0
      postings.push(listed)
      break
    }
    postings.push(listed)
  }
  // From the rarest piece's entries, those also listed under the other pieces.
  postings.sort((a, b) => a.length - b.length)
  let named: readonly number[] = postings[0] ?? []
  for (let p = 1; p < postings.length && named.length > 1; p++) named = listedIn(named, postings[p] ?? [])
  const any = index.anyName
  const found: T[] = []
  let a = 0
  let b = 0
  while (a < named.length || b < any.length) {
    let next: number
    if (b >= any.length || (a < named.length && named[a]! <= any[b]!)) {
      next = named[a++]!
      if (b < any.length && any[b] === next) b++
    } else {
      next = any[b++]!
    }
    found.push(list[next]!)
  }
  return found
}

/** The numbers of ascending `few` that ascending `many` holds, in order. */
function listedIn(few: readonly number[], many: readonly number[]): number[] {
  if (few === many) return [...few]
  const both: number[] = []
  let low = 0
  for (const at of few) {
    let high = many.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((many[middle] ?? Number.POSITIVE_INFINITY) < at) low = middle + 1
      else high = middle
    }
    if (low === many.length) break
    if (many[low] === at) both.push(at)
  }
  return both
}
