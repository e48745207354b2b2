/** What a discovered file is, decided from its name and a cheap sniff of its text. */
export type FileKind =
  | 'kubernetes'
  | 'iam-json'
  | 'script'
  | 'terraform'
  | 'terraform-vars'
  | 'terraform-plan'
  | 'helm-template'
  | 'kustomization'
  | 'helm-chart'
  | 'eksctl'
  | 'cloudformation'
  | 'aws-config'
  | 'build-file'
  | 'dependency-manifest'
  | 'lock-file'
  | 'ignored'

const YAML_NAME = /\.ya?ml$/i
const JSON_NAME = /\.json$/i
const TERRAFORM_NAME = /\.tf$/i
const TERRAFORM_VARS_NAME = /\.tfvars(\.json)?$/i
const SCRIPT_NAME = /(^|\/)(Makefile|makefile|GNUmakefile)$|\.(sh|bash|mk)$/
const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i
/** The commands the role binder and the script source read: `aws iam create-role`, eksctl (and its config in a here-document), kubectl, helm, and envsubst on a file. */
const SCRIPT_COMMAND =
  /create-role|create-open-id-connect-provider|iamserviceaccount|eksctl\.io\/|\bkubectl\b[^\n]*\b(serviceaccounts?|sa)\b|\bhelm\b[^\n]*\b(install|upgrade)\b|\benvsubst\b[^\n]*</
/** A Helm chart's `templates/` (or `templates/<sub>/`) directory. */
const HELM_TEMPLATE_PATH = /(^|\/)templates\/(.+\/)?[^/]+\.ya?ml$/i
/** A Kustomize build: kubectl and kustomize look for these three names in a directory. */
const KUSTOMIZATION_NAME = /(^|\/)(kustomization\.ya?ml|Kustomization)$/
/** A Helm chart's root. */
const HELM_CHART_NAME = /(^|\/)Chart\.ya?ml$/
/** A chart's named templates (`_helpers.tpl`): the Helm source reads which name helpers a chart uses. */
const HELM_HELPERS_PATH = /(^|\/)templates\/(.+\/)?_[^/]*\.tpl$/
/** An AWS shared config file (`~/.aws/config` copied into the repository, or one meant for a ConfigMap). */
const AWS_CONFIG_NAME = /(^|\/)(\.aws\/config|aws[-_.]?config(\.(ini|cfg|conf))?)$/i
const EKSCTL_CONFIG = /^apiVersion:[ \t]*["']?eksctl\.io\//m
/** A CloudFormation template: top-level keys at column 0 (a template quoted in a ConfigMap is indented). */
const CLOUDFORMATION_YAML =
  /^AWSTemplateFormatVersion[ \t]*:|^Resources[ \t]*:[\s\S]*\bType[ \t]*:[ \t]*["']?(AWS|Custom)::/m
const CLOUDFORMATION_JSON = /"AWSTemplateFormatVersion"|"Type"\s*:\s*"(AWS|Custom)::/
/** Profile settings of the AWS shared config file, wherever they are quoted. */
const AWS_PROFILE_SETTING = /\b(web_identity_token_file|source_profile|role_arn)[ \t]*=/
/** Lock files and the like: JSON by name, never IRSA-relevant, often large. */
const NEVER_RELEVANT_NAME =
  /(^|\/)(package-lock|npm-shrinkwrap|composer|yarn|pnpm-lock|bun)\.(json|lock)$|\.tf\.json$|\.min\.json$/i

/** Application build files whose AWS SDK dependencies sources/build-files/ reads. */
const BUILD_FILE_NAME = /(^|\/)(pom\.xml|build\.gradle(\.kts)?|[^/]+\.csproj)$/
const AWS_SDK_MENTION = /software\.amazon\.awssdk|com\.amazonaws|AWSSDK\./
/** Manifests and lock files whose AWS SDK versions sources/build-files/ reads (never below node_modules or vendor: discover.ts skips those). */
const DEPENDENCY_MANIFEST_NAME = /(^|\/)(package\.json|requirements[^/]*\.txt|pyproject\.toml|go\.mod)$/
const LOCK_FILE_NAME =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Pipfile\.lock|Gemfile\.lock|composer\.lock|packages\.lock\.json)$/
/** The package names of the SDKs those files are read for (sources/build-files/sdk-packages.ts). */
const SDK_PACKAGE_MENTION = /aws-sdk|boto3|botocore|awscli|software\.amazon\.awssdk|com\.amazonaws|AWSSDK\.Core/i

const KUBERNETES_API_VERSION = /(^|[\s{,"'])apiVersion["']?[ \t]*:/m
const KUBERNETES_KIND = /(^|[\s{,"'])kind["']?[ \t]*:/m

/**
 * Whether a path may hold something irsa-guard reads, by its name alone. Discovery stats and
 * reads only these files; everything else is skipped without a word.
 */
export function looksRelevantByName(path: string): boolean {
  // The commonest names first: none of the never-relevant names ends like these two.
  if (YAML_NAME.test(path) || TERRAFORM_NAME.test(path)) return true
  if (LOCK_FILE_NAME.test(path)) return true
  if (NEVER_RELEVANT_NAME.test(path)) return false
  return (
    JSON_NAME.test(path) ||
    BUILD_FILE_NAME.test(path) ||
    DEPENDENCY_MANIFEST_NAME.test(path) ||
    KUSTOMIZATION_NAME.test(path) ||
    HELM_HELPERS_PATH.test(path) ||
    AWS_CONFIG_NAME.test(path) ||
    TERRAFORM_VARS_NAME.test(path) ||
    SCRIPT_NAME.test(path)
  )
}

/** Classifies a file by its name and a cheap sniff of its text (no parsing). */
export function classify(path: string, text: string): FileKind {
  if (!looksRelevantByName(path)) return 'ignored'
  if (TERRAFORM_NAME.test(path)) return 'terraform'
  if (TERRAFORM_VARS_NAME.test(path)) return 'terraform-vars'
  if (BUILD_FILE_NAME.test(path)) return AWS_SDK_MENTION.test(text) ? 'build-file' : 'ignored'
  if (LOCK_FILE_NAME.test(path)) return SDK_PACKAGE_MENTION.test(text) ? 'lock-file' : 'ignored'
  if (DEPENDENCY_MANIFEST_NAME.test(path)) {
    if (SDK_PACKAGE_MENTION.test(text)) return 'dependency-manifest'
    if (!JSON_NAME.test(path)) return 'ignored'
  }
  if (SCRIPT_NAME.test(path) || WORKFLOW_PATH.test(path)) return SCRIPT_COMMAND.test(text) ? 'script' : 'ignored'
  // A Flux `Kustomization` object saved under that name is a Kubernetes object, not a build.
  if (KUSTOMIZATION_NAME.test(path)) return text.includes('toolkit.fluxcd.io') ? 'kubernetes' : 'kustomization'
  if (HELM_CHART_NAME.test(path)) return 'helm-chart'
  if (HELM_HELPERS_PATH.test(path)) return 'helm-template'
  if (AWS_CONFIG_NAME.test(path) && !YAML_NAME.test(path) && !JSON_NAME.test(path)) return 'aws-config'
  if (JSON_NAME.test(path)) return classifyJson(text)
  if (YAML_NAME.test(path)) {
    if (HELM_TEMPLATE_PATH.test(path) && text.includes('{{')) return 'helm-template'
    if (text.includes('eksctl.io/') && text.includes('ClusterConfig') && EKSCTL_CONFIG.test(text)) return 'eksctl'
    if (
      (text.includes('AWSTemplateFormatVersion') || (text.includes('Resources') && text.includes('::'))) &&
      CLOUDFORMATION_YAML.test(text)
    )
      return 'cloudformation'
    if (looksLikeKubernetes(text)) return 'kubernetes'
    // Helm values (or any YAML) quoting an AWS config file for a ConfigMap.
    return AWS_PROFILE_SETTING.test(text) ? 'aws-config' : 'ignored'
  }
  return 'ignored'
}

function classifyJson(text: string): FileKind {
  if (text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"')))
    return 'terraform-plan'
  if (text.includes('"Resources"') && CLOUDFORMATION_JSON.test(text)) return 'cloudformation'
  if (text.includes('"Statement"') || text.includes('"AssumeRolePolicyDocument"')) return 'iam-json'
  if (text.includes('"apiVersion"') && text.includes('"kind"')) return 'kubernetes'
  return 'ignored'
}

/** Both `apiVersion:` and `kind:` appear as keys somewhere. */
export function looksLikeKubernetes(text: string): boolean {
  return (
    text.includes('apiVersion') &&
    text.includes('kind') &&
    KUBERNETES_API_VERSION.test(text) &&
    KUBERNETES_KIND.test(text)
  )
}
