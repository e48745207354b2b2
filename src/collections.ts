/** A list with at least one element: its first element is defined. */
export type NonEmpty<T> = readonly [T, ...T[]]

export function isNonEmpty<T>(items: readonly T[]): items is NonEmpty<T> {
  return items.length > 0
}

/** The only element of a list of exactly one; undefined for none or several. */
export function single<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined
}

/** What getOrCreate needs of a Map or WeakMap. */
interface KeyedStore<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/** The value under `key`, made by `create` and stored first when there is none. */
export function getOrCreate<K, V>(map: KeyedStore<K, V>, key: K, create: () => V): V {
  const existing = map.get(key)
  if (existing !== undefined) return existing
  const made = create()
  map.set(key, made)
  return made
}
