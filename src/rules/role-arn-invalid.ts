import { PARTITIONS, parseRoleArn } from '../iam/arn.js'
import type { Rule } from './rule.js'
import { findRoleArnPlaceholder, quoted, serviceAccountIdentity, serviceAccountTitle } from './helpers/kubernetes.js'

const KNOWN_PARTITIONS = new Set<string>(PARTITIONS)
const ROLE_NAME_CHARACTER = /[\w+=,.@-]/
const ROLE_NAME = /^[\w+=,.@-]+$/
const ROLE_PATH = /^(\/|\/[\x21-\x7e]+\/)$/
const MAX_ROLE_NAME = 64
const MAX_ROLE_PATH = 512

interface Problem {
  reason: string
  /** The value to write, when the fix is obvious; else the general form is shown. */
  suggestion?: string
}

export const roleArnInvalid: Rule = {
  meta: {
    id: 'role-arn-invalid',
    level: 'error',
    description:
      'The eks.amazonaws.com/role-arn annotation of a ServiceAccount is not an IAM role ARN, so STS rejects the web identity call.',
    remediation:
      'Write the full role ARN, arn:<partition>:iam::<12-digit account>:role/<optional path/><name>, on one line with no quotes or spaces.',
  },
  *check(graph) {
    for (const sa of graph.facts.serviceAccounts) {
      const value = sa.roleArn
      if (value?.kind !== 'known') continue
      const placeholder = findRoleArnPlaceholder(value.value, sa.source)
      if (placeholder && !placeholder.documentationAccount) continue
      const problem = roleArnProblem(value.value)
      if (!problem) continue
      const fix = problem.suggestion
        ? `write ${quoted(problem.suggestion)}`
        : 'write arn:<partition>:iam::<12-digit account>:role/<name>'
      yield {
        location: value.location,
        message: `eks.amazonaws.com/role-arn of ${serviceAccountTitle(sa)} is not a valid IAM role ARN: ${quoted(value.value)} ${problem.reason}, so STS answers "Request ARN is invalid"; ${fix}`,
        key: `${serviceAccountIdentity(sa)} arn:${value.value}`,
        // A suggestion with a <placeholder> holds a value irsa-guard cannot know: no replacement.
        ...(problem.suggestion && !problem.suggestion.includes('<')
          ? { replacement: { from: value.value, to: problem.suggestion } }
          : {}),
      }
    }
  },
}

/** Why a (non-placeholder) annotation value is not a role ARN, or undefined when it is one. */
export function roleArnProblem(text: string): Problem | undefined {
  const trimmed = text.trim()
  if (text !== trimmed) {
    const inner = roleArnProblem(trimmed)
    const suggestion = inner ? undefined : trimmed
    if (/[\r\n]\s*$/.test(text))
      return {
        reason: 'ends with a line break (a YAML "|" block scalar keeps it; use a plain scalar or ">-")',
        ...(suggestion ? { suggestion } : {}),
      }
    return { reason: 'has leading or trailing whitespace', ...(suggestion ? { suggestion } : {}) }
  }
  if (/["'`]/.test(text)) {
    const unquoted = text.replace(/["'`]/g, '')
    return {
      reason: 'contains quote characters that become part of the ARN',
      ...(roleArnProblem(unquoted) ? {} : { suggestion: unquoted }),
    }
  }
  if (/\s/.test(text)) return { reason: 'contains whitespace' }
  if (!text.startsWith('arn:')) {
    if (ROLE_NAME.test(text) && text.length <= MAX_ROLE_NAME) {
      return {
        reason: 'is a bare role name (only a self-hosted webhook started with --compose-role-arn expands it)',
        suggestion: `arn:aws:iam::<12-digit account>:role/${text}`,
      }
    }
    return { reason: 'does not start with "arn:"' }
  }
  const fields = text.split(':')
  if (fields.length !== 6) return { reason: `has ${fields.length} ":"-separated fields instead of 6` }
  const [, partition, service, region, account, resource] = fields as [string, string, string, string, string, string]
  if (!KNOWN_PARTITIONS.has(partition))
    return {
      reason: `names the partition ${quoted(partition)}, which is not an AWS partition (aws, aws-cn, aws-us-gov, …)`,
    }
  if (service !== 'iam') {
    const session =
      service === 'sts' && resource.startsWith('assumed-role/') ? ' (an assumed-role session, not the role)' : ''
    return { reason: `names the service ${quoted(service)} instead of "iam"${session}` }
  }
  if (region !== '')
    return { reason: `has the region ${quoted(region)}, but IAM ARNs have an empty region field (":iam::")` }
  if (!/^\d{12}$/.test(account))
    return { reason: `has the account ${quoted(account)}, which is not 12 digits${accountHint(account)}` }
  if (!resource.startsWith('role/')) {
    const type = resource.split('/')[0] ?? resource
    return { reason: `names a ${quoted(type)} resource, not "role/"` }
  }
  const pathAndName = resource.slice('role'.length)
  const lastSlash = pathAndName.lastIndexOf('/')
  const path = pathAndName.slice(0, lastSlash + 1)
  const name = pathAndName.slice(lastSlash + 1)
  if (name === '') return { reason: 'has no role name after "role/"' }
  if (name.length > MAX_ROLE_NAME)
    return { reason: `has a role name of ${name.length} characters (IAM allows ${MAX_ROLE_NAME})` }
  if (!ROLE_NAME.test(name)) {
    const bad = [...new Set([...name].filter((character) => !ROLE_NAME_CHARACTER.test(character)))].join('')
    return {
      reason: `has the role name ${quoted(name)} with characters IAM does not allow (${quoted(bad)}; allowed: letters, digits and _+=,.@-)`,
    }
  }
  if (path.length > MAX_ROLE_PATH || !ROLE_PATH.test(path))
    return {
      reason: `has the role path ${quoted(path)}, which IAM does not allow (a path is "/" or "/a/b/" of printable ASCII)`,
    }
  if (!parseRoleArn(text)) return { reason: 'does not have the form of an IAM role ARN' }
  return undefined
}

function accountHint(account: string): string {
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(account))
    return ' (a number rendered in scientific notation: quote the account ID where it is templated)'
  if (/^\d{11}$/.test(account)) return ' (a leading zero lost?)'
  return ''
}
