import type { FindingDraft } from '../model/finding.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { acceptedSpelling, isValidNamespace, isValidServiceAccountName } from './helpers/kubernetes-names.js'
import { quoted } from './helpers/kubernetes.js'

export const serviceAccountNameInvalid: Rule = {
  meta: {
    id: 'service-account-name-invalid',
    level: 'error',
    description:
      'A ServiceAccount name that is not a DNS-1123 subdomain, or a namespace that is not a DNS-1123 label (`alb_controller_svacc`, upper case): the API server refuses the object, so no pod ever runs as it.',
    remediation:
      'Rename it with lowercase letters, digits, "-" (and "." in names), and use the same name in the trust policy and in spec.serviceAccountName.',
  },
  *check(graph) {
    for (const sa of graph.facts.serviceAccounts) {
      if (sa.name.kind === 'known' && !placeholder(sa.name.value) && !isValidServiceAccountName(sa.name.value))
        yield refused(sa.name, 'name')
      if (sa.namespace.kind === 'known' && !placeholder(sa.namespace.value) && !isValidNamespace(sa.namespace.value))
        yield refused(sa.namespace, 'namespace')
    }
  },
}

function refused(value: KnownValue, kind: 'name' | 'namespace'): FindingDraft {
  const rule =
    kind === 'namespace'
      ? 'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters'
      : 'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters'
  const spelling = acceptedSpelling(value.value, kind)
  const fix = spelling ? `rename it ${quoted(spelling)}` : `rename it`
  const other = kind === 'namespace' ? 'the trust policy' : 'the trust policy and every spec.serviceAccountName'
  return {
    location: value.location,
    message: `ServiceAccount ${kind} ${quoted(value.value)} is not ${rule}: the API server refuses the ServiceAccount, so no pod runs as it; ${fix}, the same in ${other}`,
    key: `sa-${kind}:${value.value}`,
  }
}

/** An unrendered placeholder (`<name>`, `$NAME`, `{{ name }}`, `SA_NAME`): role-arn-placeholder's kind of value, not a name anyone applies. */
function placeholder(text: string): boolean {
  // A line break or other control character is never part of a placeholder: such a name is simply refused.
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  if (/[\u0000-\u001f\u007f]/.test(text)) return false
  return PLACEHOLDER_FORMS.test(text) || (/^[A-Z][A-Z0-9_]*$/.test(text) && text.includes('_'))
}

/** `<name>`, `${NAME}`, `$NAME`, `{{ .Values.name }}`, `%NAME%`: a lone `>` or `$` (`x"] --> y`) is no placeholder. */
const PLACEHOLDER_FORMS = /<[^<>\s]+>|\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{.*?\}\}|%[A-Za-z_]\w*%/
