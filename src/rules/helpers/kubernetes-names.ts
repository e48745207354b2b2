import type { ServiceAccount } from '../../model/facts.js'

/**
 * The names the Kubernetes API server accepts (k8s.io/apimachinery pkg/util/validation):
 * ServiceAccount names are DNS-1123 subdomains (ValidateServiceAccountName = NameIsDNSSubdomain),
 * namespaces DNS-1123 labels (ValidateNamespaceName = NameIsDNSLabel).
 */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

export function isValidNamespace(name: string): boolean {
  return name.length <= 63 && DNS_1123_LABEL.test(name)
}

export function isValidServiceAccountName(name: string): boolean {
  return name.length <= 253 && DNS_1123_SUBDOMAIN.test(name)
}

/** What a refused name most likely meant: lower case, `_` and spaces as `-`; undefined when that is still refused. */
export function acceptedSpelling(name: string, kind: 'namespace' | 'name'): string | undefined {
  const candidate = name.toLowerCase().replace(/[_\s]+/g, '-')
  const valid = kind === 'namespace' ? isValidNamespace(candidate) : isValidServiceAccountName(candidate)
  return valid && candidate !== name ? candidate : undefined
}

/** A ServiceAccount whose known name or namespace the API server refuses: it can never exist, nor its token. */
export function hasRefusedName(sa: Pick<ServiceAccount, 'name' | 'namespace'>): boolean {
  return (
    (sa.name.kind === 'known' && !isValidServiceAccountName(sa.name.value)) ||
    (sa.namespace.kind === 'known' && !isValidNamespace(sa.namespace.value))
  )
}

/** The text names this Kubernetes name as a whole word (not `cluster-app` for `app`). */
export function mentionsName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!NAME_CHARACTER.test(text[at - 1] ?? '') && !NAME_CHARACTER.test(text[at + name.length] ?? '')) return true
  }
  return false
}

const NAME_CHARACTER = /^[a-z0-9.-]$/i
const NAME_CHARACTERS = /[a-z0-9.-]+/gi
const ALL_NAME_CHARACTERS = /^[a-z0-9.-]+$/i

/**
 * Texts asked for many names whether one of them mentions the name (mentionsName): a name of
 * name characters is mentioned exactly when it is a whole run of name characters in a text, so
 * the runs are gathered once; other names are looked for text by text.
 */
export class MentioningTexts {
  private words?: Set<string>

  constructor(private readonly texts: readonly string[]) {}

  mention(name: string): boolean {
    if (!ALL_NAME_CHARACTERS.test(name)) return this.texts.some((text) => mentionsName(text, name))
    this.words ??= new Set(this.texts.flatMap((text) => text.match(NAME_CHARACTERS) ?? []))
    return this.words.has(name)
  }
}
