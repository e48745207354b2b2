/** What a discovered file is, decided from its name and a cheap sniff of its text. */
export type FileKind =
  | 'kubernetes'
  | 'iam-json'
  | 'script'
  | 'terraform'
  | 'terraform-vars'
  | 'terraform-plan'
  | 'helm-template'
  | 'ignored'

const YAML_NAME = /\.ya?ml$/i
const JSON_NAME = /\.json$/i
const TERRAFORM_NAME = /\.tf$/i
const TERRAFORM_VARS_NAME = /\.tfvars(\.json)?$/i
const SCRIPT_NAME = /(^|\/)(Makefile|makefile|GNUmakefile)$|\.(sh|bash|mk)$/
const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i
/** A Helm chart's `templates/` (or `templates/<sub>/`) directory. */
const HELM_TEMPLATE_PATH = /(^|\/)templates\/(.+\/)?[^/]+\.ya?ml$/i
/** Lock files and the like: JSON by name, never IRSA-relevant, often large. */
const NEVER_RELEVANT_NAME = /(^|\/)(package-lock|npm-shrinkwrap|composer|yarn|pnpm-lock|bun)\.(json|lock)$|\.tf\.json$|\.min\.json$/i

const KUBERNETES_API_VERSION = /(^|[\s{,"'])apiVersion["']?[ \t]*:/m
const KUBERNETES_KIND = /(^|[\s{,"'])kind["']?[ \t]*:/m

/**
 * Whether a path may hold something irsa-guard reads, by its name alone. Discovery stats and
 * reads only these files; everything else is skipped without a word.
 */
export function looksRelevantByName(path: string): boolean {
  if (NEVER_RELEVANT_NAME.test(path)) return false
  return YAML_NAME.test(path) || JSON_NAME.test(path) || TERRAFORM_NAME.test(path) || TERRAFORM_VARS_NAME.test(path) || SCRIPT_NAME.test(path)
}

/** Classifies a file by its name and a cheap sniff of its text (no parsing). */
export function classify(path: string, text: string): FileKind {
  if (!looksRelevantByName(path)) return 'ignored'
  if (TERRAFORM_NAME.test(path)) return 'terraform'
  if (TERRAFORM_VARS_NAME.test(path)) return 'terraform-vars'
  if (SCRIPT_NAME.test(path) || WORKFLOW_PATH.test(path)) return text.includes('create-role') ? 'script' : 'ignored'
  if (JSON_NAME.test(path)) return classifyJson(text)
  if (YAML_NAME.test(path)) {
    if (HELM_TEMPLATE_PATH.test(path) && text.includes('{{')) return 'helm-template'
    return looksLikeKubernetes(text) ? 'kubernetes' : 'ignored'
  }
  return 'ignored'
}

function classifyJson(text: string): FileKind {
  if (text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"'))) return 'terraform-plan'
  if (text.includes('"Statement"') || text.includes('"AssumeRolePolicyDocument"')) return 'iam-json'
  if (text.includes('"apiVersion"') && text.includes('"kind"')) return 'kubernetes'
  return 'ignored'
}

/** Both `apiVersion:` and `kind:` appear as keys somewhere. */
export function looksLikeKubernetes(text: string): boolean {
  return text.includes('apiVersion') && text.includes('kind') && KUBERNETES_API_VERSION.test(text) && KUBERNETES_KIND.test(text)
}
