/**
 * One copy of each string in the data worker threads send back. A structured clone gives every
 * string of a message its own copy (each location's path, each value's `kind`), so the results of
 * many tasks held the same text thousands of times over.
 */
export class SharedStrings {
  private readonly copies = new Map<string, string>()

  /** `seed`: strings this thread holds already (the scanned files' paths), whose copies are then shared too. */
  constructor(seed: Iterable<string> = []) {
    for (const text of seed) this.copies.set(text, text)
  }

  /** Replaces, in place, every string of `data` (plain objects and arrays, as a clone gives them) with the first copy seen. */
  share(data: unknown): void {
    const visited = new Set<object>()
    const pending: object[] = []
    const visit = (value: unknown): unknown => {
      if (typeof value === 'string') {
        const first = this.copies.get(value)
        if (first !== undefined) return first
        this.copies.set(value, value)
        return value
      }
      if (typeof value === 'object' && value !== null && !visited.has(value)) {
        visited.add(value)
        pending.push(value)
      }
      return value
    }
    visit(data)
    for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
      if (Array.isArray(object)) {
        for (let index = 0; index < object.length; index++) {
          const item: unknown = object[index]
          // Assigned whatever it is: two equal strings compare equal, so `!==` cannot tell a copy from the first.
          if (typeof item === 'string') object[index] = visit(item) as string
          else visit(item)
        }
      } else if (Object.getPrototypeOf(object) === Object.prototype) {
        const record = object as Record<string, unknown>
        for (const key of Object.keys(record)) {
          const item = record[key]
          if (typeof item === 'string') record[key] = visit(item)
          else visit(item)
        }
      }
    }
  }
}
