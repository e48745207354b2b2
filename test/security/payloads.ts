import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { allRules } from '../../src/rules/index.js'

/**
 * What a pull request puts into a name to take over the step's log: a forged annotation on a file
 * of its choosing, a mask that hides real output, a stop that silences every later annotation,
 * the older `##[command]` form (found anywhere in a line), and an indented command (the runner
 * trims leading white space).
 */
export function workflowCommandPayload(tag: string): string {
  return `${tag}\n::error file=forged.yaml,line=1,title=forged::forged ${tag}\r::add-mask::payments\n::stop-commands::forgedtoken\n  ::notice::indented ${tag}\t##[warning]v1 ${tag}\u001b[8m`
}

/** What a pull request puts into a name to take over the job summary or the comment. */
export function markdownPayload(tag: string): string {
  return `${tag} | <img src=x data-forged> <details data-forged open> [forged-link](https://forged.example/${tag}) ![forged-image](https://forged.example/i.png) **forged-bold** _forged-em_ \`tick\` @forged-org/forged-team @forged-user #4242 \n# forged-heading <!--`
}

/** A file name (at most 255 bytes, no `/`) with both kinds of payload. */
export const FILE_NAME_PAYLOAD =
  'file-name\n::error file=forged.yaml::forged file-name\r::add-mask::payments\n  ::stop-commands::forgedtoken\t##[warning]v1 file-name | <img src=x data-forged> [forged-link](https:__forged.example) **forged-bold** `tick` @forged-org #4242'

/** Both at once: every field of the attack repository carries this. */
export function payload(tag: string): string {
  return `${workflowCommandPayload(tag)} ${markdownPayload(tag)}`
}

const defaultPayload = payload

/** A file name from any text: no `/` or NUL, at most 200 UTF-8 bytes (a name may have 255), never empty. */
function fileName(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is what it replaces
  let name = `f${text.replace(/[/\u0000]/g, '_')}`
  while (Buffer.byteLength(name) > 200) name = name.slice(0, -1)
  return name.replace(/[\uD800-\uDBFF]$/, '_')
}

/** An HCL quoted string for `text`: JSON's escapes are HCL's, and `${`/`%{` are doubled. */
export function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')
}

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const ACCOUNT = '349127586034'
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`

/** A trust policy whose every string field carries a payload, and whose sub denies the ServiceAccount. */
function trustPolicy(prefix: string, value: (field: string) => string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: value(`${prefix}-sid`),
        Effect: 'Allow',
        Principal: { Federated: PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${ISSUER}:sub`]: `system:serviceaccount:billing:${value(`${prefix}-sub`)}`,
            [`${ISSUER}:aud`]: value(`${prefix}-aud`),
          },
        },
      },
      {
        Sid: value(`${prefix}-sid2`),
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${value(`${prefix}-federated`)}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          [value(`${prefix}-operator`)]: { [value(`${prefix}-key`)]: 'system:serviceaccount:payments:x' },
        },
      },
    ],
  }
}

/**
 * A repository whose every name is attacker input: Kubernetes ServiceAccounts (name, namespace,
 * role-arn and audience annotations), IAM JSON (Sid, Federated principal, condition operator, key
 * and values, and the file's own name), Terraform strings, an eksctl config and a CloudFormation
 * template. Every ServiceAccount names a role in the repository that refuses it, so the payloads
 * reach finding messages.
 */
export async function writeAttackRepository(root: string, value: (field: string) => string = payload): Promise<void> {
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await writeFile(path.join(root, file), text)
  }
  const quoted = (text: string) => JSON.stringify(text)
  await write(
    'k8s/service-accounts.yaml',
    [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      `  name: ${quoted(value('sa-name'))}`,
      `  namespace: ${quoted(value('sa-namespace'))}`,
      '  annotations:',
      `    eks.amazonaws.com/role-arn: arn:aws:iam::${ACCOUNT}:role/billing-api`,
      `    eks.amazonaws.com/audience: ${quoted(value('sa-audience'))}`,
      '---',
      // A valid name, so that the trust is evaluated for this token and its audience reaches the message.
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: auditor',
      '  namespace: payments',
      '  annotations:',
      `    eks.amazonaws.com/role-arn: arn:aws:iam::${ACCOUNT}:role/billing-api`,
      `    eks.amazonaws.com/audience: ${quoted(value('sa-audience'))}`,
      '---',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: worker',
      '  namespace: payments',
      '  annotations:',
      `    eks.amazonaws.com/role-arn: ${quoted(`arn:aws:iam::${ACCOUNT}:role/${value('sa-role-arn')}`)}`,
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      '  namespace: payments',
      'spec:',
      '  template:',
      '    spec:',
      `      serviceAccountName: ${quoted(value('workload-sa'))}`,
      '      containers: [{name: api, image: example}]',
      '',
    ].join('\n'),
  )
  await write('iam/payments-api-trust.json', JSON.stringify(trustPolicy('iam', value), null, 2))
  await write(
    'iam/billing-api-trust.json',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: PROVIDER_ARN },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${ISSUER}:sub`]: 'system:serviceaccount:billing:api',
              [`${ISSUER}:aud`]: 'sts.amazonaws.com',
            },
          },
        },
      ],
    }),
  )
  // The file's name carries the payload too: a line break is allowed in a file name, which is at most 255 bytes.
  await write(
    `iam/${value === defaultPayload ? FILE_NAME_PAYLOAD : fileName(value('file-name'))}-trust.json`,
    JSON.stringify(trustPolicy('named-file', value), null, 2),
  )
  await write(
    'terraform/main.tf',
    [
      'resource "aws_iam_role" "tf" {',
      `  name = ${hclString(value('tf-role-name'))}`,
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      `      Sid = ${hclString(value('tf-sid'))}`,
      '      Effect = "Allow"',
      `      Principal = { Federated = ${hclString(PROVIDER_ARN)} }`,
      '      Action = "sts:AssumeRoleWithWebIdentity"',
      '      Condition = {',
      '        StringEquals = {',
      `          ${hclString(`${ISSUER}:sub`)} = ${hclString(`system:serviceaccount:tf:${value('tf-sub')}`)}`,
      '        }',
      '      }',
      '    }]',
      '  })',
      '}',
      '',
      'resource "kubernetes_service_account" "tf" {',
      '  metadata {',
      `    name = ${hclString(value('tf-sa-name'))}`,
      `    namespace = ${hclString(value('tf-sa-namespace'))}`,
      '    annotations = {',
      '      "eks.amazonaws.com/role-arn" = aws_iam_role.tf.arn',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  )
  await write(
    'eksctl/cluster.yaml',
    [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata:',
      '  name: payments',
      '  region: eu-central-1',
      'iam:',
      '  withOIDC: true',
      '  serviceAccounts:',
      '    - metadata:',
      `        name: ${quoted(value('eksctl-name'))}`,
      `        namespace: ${quoted(value('eksctl-namespace'))}`,
      `      roleName: ${quoted(value('eksctl-role'))}`,
      '      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
      '',
    ].join('\n'),
  )
  await write(
    'cfn/roles.json',
    JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          AttackRole: {
            Type: 'AWS::IAM::Role',
            Properties: { RoleName: value('cfn-role-name'), AssumeRolePolicyDocument: trustPolicy('cfn', value) },
          },
        },
      },
      null,
      2,
    ),
  )
}

/** Workflow commands the runner knows (actions/runner src/Runner.Worker/ActionCommandManager.cs and its command extensions). */
const RUNNER_COMMANDS = new Set([
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'error',
  'warning',
  'notice',
  'group',
  'endgroup',
  'echo',
  'save-state',
  'set-output',
  'set-env',
  'stop-commands',
])

export interface RunnerCommand {
  command: string
  properties: Record<string, string>
  data: string
}

/**
 * The workflow commands the runner reads from a step's output, as actions/runner's
 * ActionCommand.TryParseV2 (a line that starts with `::` after white space) and TryParse (`##[`
 * anywhere in a line) read them; lines end at CR, LF or CRLF.
 */
export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = []
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2)
      if (end >= 0) {
        const info = trimmed.slice(2, end)
        const space = info.indexOf(' ')
        const command = (space < 0 ? info : info.slice(0, space)).toLowerCase()
        if (RUNNER_COMMANDS.has(command)) {
          const properties = Object.fromEntries(
            (space < 0 ? '' : info.slice(space + 1))
              .split(',')
              .filter(Boolean)
              .map((pair) => [pair.slice(0, pair.indexOf('=')), unescapeProperty(pair.slice(pair.indexOf('=') + 1))]),
          )
          found.push({ command, properties, data: unescapeData(trimmed.slice(end + 2)) })
          continue
        }
      }
    }
    const prefix = line.indexOf('##[')
    if (prefix >= 0) {
      const close = line.indexOf(']', prefix)
      const info = close < 0 ? '' : line.slice(prefix + 3, close)
      const command = info.split(' ')[0]!.toLowerCase()
      if (RUNNER_COMMANDS.has(command)) found.push({ command, properties: {}, data: line.slice(close + 1) })
    }
  }
  return found
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

const RULE_IDS = new Set(allRules.map((rule) => rule.meta.id))

/** A command irsa-guard did not issue itself: anything but its group and its annotations (titled by a rule or irsa-guard, on a real file). */
export function forged(commands: readonly RunnerCommand[], files: ReadonlySet<string>): RunnerCommand[] {
  return commands.filter(({ command, properties }) => {
    if (command === 'group' || command === 'endgroup') return false
    if (!['error', 'warning', 'notice'].includes(command)) return true
    const { title, file, ...rest } = properties
    const located =
      file !== undefined &&
      files.has(file) &&
      RULE_IDS.has(title ?? '') &&
      Object.keys(rest).every((key) => ['line', 'col'].includes(key))
    const general =
      file === undefined && (title === undefined || title === 'irsa-guard') && Object.keys(rest).length === 0
    return !located && !general
  })
}
