import { getOrCreate } from '../../collections.js'

/**
 * The build roots one of `count` parts makes (indexes into `roots`, in order). Builds that load a
 * common resource file stay in one part, in their order: the builder's parse of a file depends on
 * the builds that loaded it before (a build made again from every document leaves the file parsed
 * whole for the next), so each part sees every file as one builder making every build would.
 * Groups go to parts in order of their first root, cut by the number of files they load.
 */
export function rootsOfPart(
  roots: readonly string[],
  loadsOf: (root: string) => readonly string[],
  part: number,
  count: number,
): number[] {
  const groups = buildGroups(roots, loadsOf)
  const weights = groups.map((group) => group.reduce((sum, index) => sum + 1 + loadsOf(roots[index] ?? '').length, 0))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const owned: number[] = []
  let before = 0
  for (const [position, group] of groups.entries()) {
    const weight = weights[position] ?? 0
    const at = Math.min(count - 1, Math.floor(((before + weight / 2) * count) / Math.max(total, 1)))
    if (at === part) owned.push(...group)
    before += weight
  }
  return owned.sort((a, b) => a - b)
}

/** The roots joined by common resource files (indexes, each group in order), groups in order of their first root. */
export function buildGroups(roots: readonly string[], loadsOf: (root: string) => readonly string[]): number[][] {
  const parent = new Map<number, number>()
  const find = (index: number): number => {
    let at = index
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) at = up
    parent.set(index, at)
    return at
  }
  const firstLoader = new Map<string, number>()
  for (const [index, root] of roots.entries()) {
    parent.set(index, index)
    for (const load of loadsOf(root)) {
      const other = firstLoader.get(load)
      if (other === undefined) {
        firstLoader.set(load, index)
        continue
      }
      const [low, high] = [find(other), find(index)].sort((a, b) => a - b) as [number, number]
      parent.set(high, low)
    }
  }
  const groups = new Map<number, number[]>()
  for (const index of roots.keys()) getOrCreate(groups, find(index), () => []).push(index)
  return [...groups.values()]
}
