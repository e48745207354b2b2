import { hostOf, looksLikeEksIssuer, partitionOfRegion, withoutScheme } from '../../iam/arn.js'

export { hostOf, looksLikeEksIssuer, withoutScheme }
import { parseOperator } from './trust.js'

/**
 * How EKS issuers, IAM OIDC provider ARNs and trust-policy condition keys go wrong when written by
 * hand (reference: irsa-failure-modes.md A2, A6, C2, D1-D3, J1, J3). The token a pod presents has
 * `iss = https://oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>`; the provider ARN and the condition
 * keys name that issuer without the scheme.
 */

const PLACEHOLDERS: readonly RegExp[] = [
  /\$\{[^}]*\}/, // ${OIDC_PROVIDER}
  /\{\{[^}]*\}\}/, // {{ .Values.oidc }}
  /<[^<>]+>/, // <OIDC_ID>
  /\$[A-Za-z_]\w*/, // $oidc_provider
  /EXAMPLE[0-9A-Z]*/, // EXAMPLED539D4633E53DE1B716D3041E (the EKS docs)
  /\bregion-code\b/, // oidc.eks.region-code.amazonaws.com (the EKS docs)
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/, // OIDC_PROVIDER, CLUSTER_ID, ACCOUNT_ID
]

/** The first fragment of `text` that marks an unrendered template or a documentation example. */
export function placeholderIn(text: string): string | undefined {
  for (const pattern of PLACEHOLDERS) {
    const match = pattern.exec(text)
    if (match) return match[0]
  }
  return undefined
}

/** The text before its first "/" (all of it when it has none). */
function beforeSlash(text: string): string {
  const slash = text.indexOf('/')
  return slash === -1 ? text : text.slice(0, slash)
}

export interface IssuerAnalysis {
  /** What makes the issuer never equal an EKS token's issuer, as phrases ("starts with …"). */
  problems: string[]
  /** The host/path with every problem fixed, when the fix is mechanical. */
  corrected?: string
  region?: string
  id?: string
  /** The cluster ID is not 32 uppercase hex, the shape of every EKS issuer ID seen (inferred, not documented). */
  unusualId?: boolean
}

const REGION = /^[a-z]{2,5}(-[a-z]+)+-\d{1,2}$/
const ID = /^[0-9A-F]{32}$/

/**
 * An EKS issuer as written in a provider ARN or a condition key (scheme allowed), judged against
 * `oidc.eks.<region>.amazonaws.com[.cn]/id/<ID>`. Call only when `looksLikeEksIssuer` and no
 * placeholder is in it.
 */
export function analyseEksIssuer(text: string): IssuerAnalysis {
  const problems: string[] = []
  const scheme = /^https?:\/\//i.exec(text)
  if (scheme) problems.push(`starts with "${scheme[0]}"`)
  const rest = withoutScheme(text)
  const slash = rest.indexOf('/')
  let host = slash < 0 ? rest : rest.slice(0, slash)
  let path = slash < 0 ? '' : rest.slice(slash)

  const port = /:\d*$/.exec(host)
  if (port) {
    problems.push(`has a port ("${port[0]}")`)
    host = host.slice(0, port.index)
  }

  let region: string | undefined
  let suffix: string | undefined
  const canonical = /^oidc\.eks\.([^.]+)\.(.+)$/.exec(host)
  const reversed = /^oidc\.([^.]+)\.eks\.(.+)$/.exec(host)
  const dualStack = /^oidc-eks\.([^.]+)\.api\.aws$/.exec(host)
  if (canonical) {
    region = canonical[1]
    suffix = canonical[2]
  } else if (reversed) {
    problems.push(`has its host in the wrong order ("oidc.${reversed[1]}.eks", not "oidc.eks.${reversed[1]}")`)
    region = reversed[1]
    suffix = reversed[2]
  } else if (dualStack) {
    region = dualStack[1]
    problems.push(
      `uses the dual-stack host "${host}", but tokens name "oidc.eks.${region}.${dnsSuffixOfRegion(region!) ?? 'amazonaws.com'}" as their issuer`,
    )
  } else {
    problems.push(`has the host "${host}", not "oidc.eks.<region>.amazonaws.com"`)
  }

  if (region !== undefined && !REGION.test(region)) {
    problems.push(`names "${region}", which is not an AWS region`)
    region = undefined
  }
  if (region !== undefined) {
    const expected = dnsSuffixOfRegion(region)
    if (expected === undefined) {
      // ISO and EUSC issuer hosts are not documented publicly: keep what is written.
    } else if (suffix === undefined) {
      suffix = expected
    } else if (suffix !== expected) {
      problems.push(
        `ends in "${suffix}", but issuers of ${expected.endsWith('.cn') ? 'the China region ' : ''}${region} end in "${expected}"`,
      )
      suffix = expected
    }
  }

  if (path.length > 1 && path.endsWith('/')) {
    problems.push('ends with "/", which EKS issuers never do')
    path = path.replace(/\/+$/, '')
  }
  let id: string | undefined
  const idPath = /^\/id\/([^/]+)$/.exec(path)
  const bareId = /^\/([^/]+)$/.exec(path)
  if (idPath) id = idPath[1]
  else if (bareId && bareId[1] !== 'id') {
    problems.push('lacks "/id/" before the cluster ID')
    id = bareId[1]
  } else if (path === '' || path === '/id') {
    problems.push('has no cluster ID ("/id/<ID>")')
  } else {
    problems.push(`has the path "${path}", not "/id/<cluster ID>"`)
  }

  const analysis: IssuerAnalysis = { problems }
  if (region !== undefined) analysis.region = region
  if (id !== undefined) {
    analysis.id = id
    if (!ID.test(id)) analysis.unusualId = true
  }
  if (region !== undefined && suffix !== undefined && id !== undefined)
    analysis.corrected = `oidc.eks.${region}.${suffix}/id/${id}`
  return analysis
}

/** `amazonaws.com.cn` in China, `amazonaws.com` in the commercial and GovCloud partitions; undefined elsewhere. */
function dnsSuffixOfRegion(region: string): string | undefined {
  const partition = partitionOfRegion(region)
  if (partition === 'aws-cn') return 'amazonaws.com.cn'
  if (partition === 'aws' || partition === 'aws-us-gov') return 'amazonaws.com'
  return undefined
}

export interface FederatedAnalysis {
  /** Errors, as phrases completing `Federated principal "<value>" …`. */
  problems: string[]
  /** The value with every problem fixed, when it can be. */
  corrected?: string
  /** The issuer host/path the value means (its problems fixed), for comparing with condition keys. */
  issuer?: string
  placeholder?: string
  unusualId?: { id: string }
}

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s
const PROVIDER_PREFIX_MISSPELLED = /^(oidc[-_]?provider|oidcprovider|oidc-providers|oidc)\//i

/**
 * A Federated principal value judged as the ARN of an IAM OIDC provider
 * (`arn:<partition>:iam::<account>:oidc-provider/<issuer host/path>`). undefined when the value is
 * not meant as one: a SAML provider ARN or a domain name (`cognito-identity.amazonaws.com`).
 * `account` fills the suggestion when the value itself has none (the role's account, if known).
 */
export function analyseFederated(value: string, account?: string): FederatedAnalysis | undefined {
  return remembered(federatedAnalyses, `${account ?? ''}\0${value}`, () => judgeFederated(value, account))
}

function judgeFederated(value: string, account?: string): FederatedAnalysis | undefined {
  if (value.trim() === '') return { problems: ['is empty'] }
  if (value.includes(':saml-provider/')) return undefined
  const placeholder = placeholderIn(value)
  if (placeholder !== undefined) return { problems: [], placeholder }

  const problems: string[] = []
  const trimmed = value.trim()
  if (trimmed !== value) problems.push('has leading or trailing whitespace')

  let partition: string | undefined
  let accountId = account
  let hostPath: string
  const arn = ARN.exec(trimmed)
  if (arn) {
    const [, arnPartition, service, arnRegion, arnAccount, resource] = arn as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    partition = arnPartition
    if (!/^aws(-[a-z]+)*$/.test(arnPartition)) {
      problems.push(`has the partition "${arnPartition}", which is not an AWS partition`)
      partition = undefined
    }
    if (service !== 'iam') problems.push(`names the service "${service}" where a provider ARN says "iam"`)
    if (arnRegion !== '') problems.push(`has the region "${arnRegion}" in the ARN, where IAM ARNs have none`)
    if (/^\d{12}$/.test(arnAccount)) accountId = arnAccount
    else
      problems.push(arnAccount === '' ? 'has no account ID' : `has the account "${arnAccount}", which is not 12 digits`)
    if (resource.startsWith('oidc-provider/')) {
      hostPath = resource.slice('oidc-provider/'.length)
    } else if (looksLikeEksIssuer(resource) || /oidc/i.test(resource)) {
      const misspelled = PROVIDER_PREFIX_MISSPELLED.exec(resource)
      problems.push(
        misspelled
          ? `has "${misspelled[0]}" where the ARN says "oidc-provider/"`
          : 'lacks "oidc-provider/" before the issuer',
      )
      hostPath = misspelled ? resource.slice(misspelled[0].length) : resource
    } else {
      const type = beforeSlash(resource)
      return {
        problems: [
          ...problems,
          `names ${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type} ("${resource}"), not an OIDC provider`,
        ],
      }
    }
  } else if (/^https?:\/\//i.test(trimmed) || looksLikeEksIssuer(trimmed)) {
    problems.push('is the issuer, not the ARN of the IAM OIDC provider')
    hostPath = trimmed
  } else {
    return undefined
  }

  if (/^https?:\/\//i.test(hostPath) && arn) problems.push('contains "https://", which a provider ARN never does')
  let issuer: string | undefined = withoutScheme(hostPath)
  let region: string | undefined
  const result: FederatedAnalysis = { problems }
  if (looksLikeEksIssuer(hostPath)) {
    const analysis = analyseEksIssuer(withoutScheme(hostPath))
    problems.push(...analysis.problems)
    issuer = analysis.corrected
    region = analysis.region
    if (analysis.unusualId && analysis.id !== undefined) result.unusualId = { id: analysis.id }
  } else if (/:\d*(\/|$)/.test(issuer)) {
    problems.push('has a port, which provider ARNs never do')
    issuer = issuer.replace(/:\d*(?=\/|$)/, '')
  }

  if (region !== undefined) {
    const expected = partitionOfRegion(region)
    if (partition === undefined) partition = expected
    else if (partition !== expected) {
      problems.push(`is in the partition "${partition}" but ${region} belongs to "${expected}"`)
      partition = expected
    }
  }
  if (issuer !== undefined) {
    result.issuer = issuer
    if (partition !== undefined)
      result.corrected = `arn:${partition}:iam::${accountId ?? '<account-id>'}:oidc-provider/${issuer}`
  }
  return result
}

export type ClaimSuffix = 'sub' | 'aud' | 'amr'

export interface ConditionKeyAnalysis {
  /** Errors, as phrases completing `Condition key "<key>" …`. */
  problems: string[]
  /** The key with every problem fixed, when it can be. */
  corrected?: string
  /** The issuer host/path the key means (its problems fixed). */
  issuer?: string
  /** The claim as written after the last ":" of the key, lower-cased; undefined when there is none. */
  claim?: string
  placeholder?: string
}

/**
 * A condition key judged as `<issuer host/path>:<claim>`. undefined for keys that are not about a
 * web-identity issuer (`aws:SourceIp`, `sts:RoleSessionName`, `saml:aud`). `claimHint` names the
 * claim to suggest when the key has none (from its values).
 */
export function analyseConditionKey(key: string, claimHint?: ClaimSuffix): ConditionKeyAnalysis | undefined {
  return remembered(conditionKeyAnalyses, `${claimHint ?? ''}\0${key}`, () => judgeConditionKey(key, claimHint))
}

function judgeConditionKey(key: string, claimHint?: ClaimSuffix): ConditionKeyAnalysis | undefined {
  const problems: string[] = []
  let rest = key
  const scheme = /^https?:\/\//i.exec(rest)
  if (scheme) {
    problems.push(`starts with "${scheme[0]}"`)
    rest = rest.slice(scheme[0].length)
  }
  const arn = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:oidc-provider\//i.exec(rest) ?? /^arn:[^/]*\//i.exec(rest)
  if (arn) {
    problems.push('is built from the provider ARN')
    rest = withoutScheme(rest.slice(arn[0].length))
  }

  const lastSlash = rest.lastIndexOf('/')
  const lastColon = rest.lastIndexOf(':')
  const hasClaim = lastColon > lastSlash
  let issuerPart = hasClaim ? rest.slice(0, lastColon) : rest
  const claim = hasClaim ? rest.slice(lastColon + 1) : undefined
  const issuerLike = scheme !== null || arn !== null || looksLikeEksIssuer(issuerPart)
  const claimLike = claim !== undefined && /^(sub|aud|amr)$/i.test(claim)
  if (!issuerLike && !claimLike) return undefined
  if (!issuerLike && !issuerPart.includes('/')) {
    // `SAML:aud`, `cognito-identity.amazonaws.com:amr`, `token.actions.githubusercontent.com:sub`: other issuers' keys, unless a placeholder stands for the issuer.
    const placeholder = placeholderIn(issuerPart)
    return placeholder === undefined
      ? undefined
      : { problems: [], placeholder, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) }
  }

  const placeholder = placeholderIn(issuerPart)
  if (placeholder !== undefined)
    return { problems: [], placeholder, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) }

  let suffix = claim
  if (looksLikeEksIssuer(issuerPart)) {
    const analysis = analyseEksIssuer(issuerPart)
    problems.push(...analysis.problems)
    if (analysis.corrected !== undefined) issuerPart = analysis.corrected
    else return { problems, ...(claim === undefined ? {} : { claim: claim.toLowerCase() }) }
    if (claim === undefined) {
      problems.push('has no ":sub", ":aud" or ":amr" suffix naming the claim')
      suffix = claimHint
    } else if (!claimLike) {
      problems.push(
        `ends in ":${claim}", which is not a claim IAM offers for an OIDC provider (":sub", ":aud" or ":amr")`,
      )
      suffix = claimHint
    }
  }
  const analysis: ConditionKeyAnalysis = { problems, issuer: issuerPart }
  if (claim !== undefined) analysis.claim = claim.toLowerCase()
  if (suffix !== undefined) analysis.corrected = `${issuerPart}:${suffix}`
  return analysis
}

/** The claim a key's values suggest: subjects → sub, `sts.amazonaws.com` → aud. */
export function claimSuggestedBy(values: readonly string[]): ClaimSuffix | undefined {
  if (values.length === 0) return undefined
  if (values.every((value) => value.startsWith('system:serviceaccount'))) return 'sub'
  if (values.every((value) => /^sts\.amazonaws\.com/.test(value))) return 'aud'
  return undefined
}

/** Issuers compare as IAM compares condition-key names: case-insensitively. */
export function sameIssuer(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * What a condition does when its key is absent from the request (IAM: false for positive
 * operators, true for negated ones, `…IfExists` and `ForAllValues:`), as a clause completing
 * "so the key never exists in the request and …".
 */
export function whenKeyAbsent(operator: string): string {
  const parsed = parseOperator(operator)
  if (parsed.base === 'Null') return `the ${operator} check always finds it missing`
  if (parsed.negated || parsed.ifExists || parsed.setPrefix === 'ForAllValues')
    return `this ${operator} condition is always true (it restricts nothing)`
  return 'the condition is never true (STS refuses every token)'
}

/** `arn:<partition>:iam::<account>:oidc-provider/<issuer>`, the partition taken from the issuer's region. */
export function providerArnFor(issuer: string, account: string | undefined): string {
  const region = /^oidc\.eks\.([^.]+)\./.exec(issuer)?.[1]
  const partition = region === undefined ? 'aws' : partitionOfRegion(region)
  return `arn:${partition}:iam::${account ?? '<account-id>'}:oidc-provider/${issuer}`
}

/**
 * terraform-aws-eks's output of the cluster's dual-stack issuer URL, `https://oidc-eks.<region>.api.aws/id/<ID>`
 * (outputs.tf, `cluster_dualstack_oidc_issuer_url`, v20.x–v21.x): never the issuer of a token.
 */
const DUAL_STACK_OUTPUT = /(?:^|\.)cluster_dualstack_oidc_issuer_url(?=$|[^\w])/

/** What a value known only at apply time shows of an issuer URL written where an ARN or a key belongs. */
export interface SymbolicIssuerUrl {
  /** `https://` when the text starts with a scheme (`https://${module.eks.oidc_provider}`). */
  scheme?: string
  /** The text is, or is built on, the cluster's dual-stack issuer. */
  dualStack: boolean
}

/**
 * A reference expression that is an issuer URL: it starts with a scheme (how the sources write
 * terraform-aws-eks `cluster_oidc_issuer_url` and `aws_eks_cluster.<name>.identity[0].oidc[0].issuer`),
 * or it names the dual-stack issuer (terraform-aws-eks `cluster_dualstack_oidc_issuer_url`, a
 * literal `oidc-eks.<region>.api.aws` around the references). undefined for anything else.
 */
export function symbolicIssuerUrl(expression: string): SymbolicIssuerUrl | undefined {
  const scheme = /^https?:\/\//i.exec(expression)?.[0]
  const literal = expression.replace(/\$\{[^}]*\}/g, '')
  const dualStack = DUAL_STACK_OUTPUT.test(expression) || /(?:^|[/.])oidc-eks\.|\.api\.aws(?:\/|$)/i.test(literal)
  if (scheme === undefined && !dualStack) return undefined
  return scheme === undefined ? { dualStack } : { scheme, dualStack }
}

/**
 * The analyses of the values and keys met lately: a repository writes the same few issuers in
 * every trust, and several rules judge each. Callers only read them.
 */
const federatedAnalyses = new Map<string, FederatedAnalysis | undefined>()
const conditionKeyAnalyses = new Map<string, ConditionKeyAnalysis | undefined>()
const MOST_REMEMBERED = 4096

function remembered<T>(analyses: Map<string, T>, key: string, analyse: () => T): T {
  if (analyses.has(key)) return analyses.get(key) as T
  if (analyses.size >= MOST_REMEMBERED) analyses.clear()
  const analysis = analyse()
  analyses.set(key, analysis)
  return analysis
}
