import semver from 'semver'

/**
 * A resolved or pinned version as a semver version: the first three numeric parts ("3.7.302.15"
 * → 3.7.302, "v1.44.0" → 1.44.0, "1.9" → 1.9.0); undefined when it does not start with a number.
 */
export function exactRange(version: string): string | undefined {
  const parts = /^\s*[v=]?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version)
  if (!parts) return undefined
  return `${Number(parts[1])}.${Number(parts[2] ?? 0)}.${Number(parts[3] ?? 0)}`
}

/** An npm range (package.json): as written when semver reads it; tags, URLs and paths are unknown. */
export function npmRange(spec: string): string | undefined {
  return semver.validRange(spec) ?? undefined
}

/**
 * A PEP 440 specifier set ("==1.9.0", ">=1.9,<2", "~=1.26.0", "==1.9.*") as a semver range. Written
 * here because the PEP 440 packages on npm test a version against a specifier but cannot say whether
 * a specifier allows any version at or above another; the translation only needs the bounds.
 * "!=" clauses are dropped (the range then allows more, so nothing is called too old by mistake);
 * anything else unreadable makes the whole set unknown.
 */
export function pep440Range(specifiers: string): string | undefined {
  const clauses: string[] = []
  for (const clause of specifiers.split(',')) {
    const match = /^\s*(===|==|~=|!=|<=|>=|<|>)\s*([0-9][0-9A-Za-z.*+!-]*)\s*$/.exec(clause)
    if (!match) return undefined
    const operator = match[1] ?? ''
    const version = match[2] ?? ''
    if (operator === '!=') continue
    if (version.endsWith('.*')) {
      if (operator !== '==') return undefined
      const prefix = version.slice(0, -2)
      if (!/^\d+(\.\d+)*$/.test(prefix)) return undefined
      clauses.push(`${prefix}.x`)
      continue
    }
    const exact = exactRange(version)
    if (!exact) return undefined
    if (operator === '~=') {
      const release = version.split('.').filter((part) => /^\d+$/.test(part))
      if (release.length < 2) return undefined
      const kept = release.slice(0, -1).map(Number)
      const upper = [...kept.slice(0, -1), (kept[kept.length - 1] ?? 0) + 1]
      clauses.push(`>=${exact} <${exactRange(upper.join('.'))}`)
    } else clauses.push(operator === '==' || operator === '===' ? exact : `${operator}${exact}`)
  }
  if (clauses.length === 0) return '*'
  return semver.validRange(clauses.join(' ')) ?? undefined
}

/** A Poetry constraint ("^1.9", "~1.26", ">=1.9,<2", "1.9.0", "*"): npm's syntax, with commas between clauses. */
export function poetryRange(constraint: string): string | undefined {
  const alternatives = constraint.split('||').map((part) => part.split(',').join(' ').trim())
  return semver.validRange(alternatives.join(' || ')) ?? undefined
}
