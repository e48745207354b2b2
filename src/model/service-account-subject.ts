/** The namespace and name of a ServiceAccount, as its token's subject names them. */
export interface ServiceAccountName {
  namespace: string
  name: string
}

/** The `sub` claim of a ServiceAccount token: `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountSubject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`
}

/** The namespace and name a subject names (each part non-empty, without `:`), or undefined for any other text. */
export function parseServiceAccountSubject(subject: string): ServiceAccountName | undefined {
  const match = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject)
  return match ? { namespace: match[1]!, name: match[2]! } : undefined
}

/** The one ServiceAccount a subject names exactly: parsed, with no `*` or `?` wildcard in either part. */
export function exactServiceAccountSubject(subject: string): ServiceAccountName | undefined {
  const parts = parseServiceAccountSubject(subject)
  return parts && !/[*?]/.test(parts.namespace) && !/[*?]/.test(parts.name) ? parts : undefined
}
