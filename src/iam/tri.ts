/** A truth value that may depend on values not known before apply (Kleene's three-valued logic). */
export type Tri = boolean | 'unknown'

export function not(value: Tri): Tri {
  return value === 'unknown' ? 'unknown' : !value
}

export function and(values: Iterable<Tri>): Tri {
  let result: Tri = true
  for (const value of values) {
    if (value === false) return false
    if (value === 'unknown') result = 'unknown'
  }
  return result
}

export function or(values: Iterable<Tri>): Tri {
  let result: Tri = false
  for (const value of values) {
    if (value === true) return true
    if (value === 'unknown') result = 'unknown'
  }
  return result
}

/** true, or unknown, but not false. */
export function possible(value: Tri): boolean {
  return value !== false
}
