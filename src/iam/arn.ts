/** ARN and issuer formats (reference: irsa-failure-modes.md §1.1). */

export interface RoleArn {
  partition: string
  account: string
  /** `/` or `/a/b/` */
  path: string
  name: string
}

export interface OidcProviderArn {
  partition: string
  account: string
  /** Host and path without scheme: `oidc.eks.us-east-1.amazonaws.com/id/ABC...`; also the condition-key prefix. */
  issuerHostPath: string
}

/** Partitions IAM ARNs can carry; extend when AWS adds one. */
export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
] as const

const PARTITION = `(${PARTITIONS.join('|')})`
const ROLE_ARN = new RegExp(
  `^arn:${PARTITION}:iam::(\\d{12}):role(/(?:[\\x21-\\x2e\\x30-\\x7e]+/)*)([\\w+=,.@-]{1,64})$`,
)
const PROVIDER_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):oidc-provider/(.+)$`)

/** Parses a well-formed IAM role ARN; anything else is undefined (see role-arn-invalid for why). */
export function parseRoleArn(text: string): RoleArn | undefined {
  const match = ROLE_ARN.exec(text)
  if (!match) return undefined
  const [, partition = '', account = '', path = '', name = ''] = match
  return { partition, account, path, name }
}

export function formatRoleArn(arn: RoleArn): string {
  return `arn:${arn.partition}:iam::${arn.account}:role${arn.path}${arn.name}`
}

export function parseOidcProviderArn(text: string): OidcProviderArn | undefined {
  const match = PROVIDER_ARN.exec(text)
  if (!match) return undefined
  const [, partition = '', account = '', issuerHostPath = ''] = match
  return { partition, account, issuerHostPath }
}

/** `https://oidc.eks.r.amazonaws.com/id/X` or `oidc.eks.r.amazonaws.com/id/X` → `oidc.eks.r.amazonaws.com/id/X`. */
export function issuerHostPath(issuerOrUrl: string): string {
  return issuerOrUrl.replace(/^https:\/\//i, '')
}

/**
 * `oidc.eks.…`, or an AWS host with "oidc" and "eks" in it (`oidc.<region>.eks.amazonaws.com`,
 * `oidc-eks.<region>.api.aws`), with or without scheme and port. Self-hosted issuers
 * (`oidc.eks-prod.example.com`) are not EKS issuers.
 */
export function looksLikeEksIssuer(text: string): boolean {
  const host = hostOf(text).replace(/:\d*$/, '').toLowerCase()
  if (host.startsWith('oidc.eks.')) return true
  return /^oidc[.-]/.test(host) && host.includes('eks') && /\.(amazonaws\.com(\.cn)?|api\.aws)$/.test(host)
}

export function withoutScheme(text: string): string {
  return text.replace(/^https?:\/\//i, '')
}

/** The host (with any port) of an issuer written with or without scheme. */
export function hostOf(issuer: string): string {
  return withoutScheme(issuer).split('/', 1)[0] ?? ''
}

/**
 * The audience a pod's token carries when its ServiceAccount names none: "sts.amazonaws.com" on EKS;
 * undefined for a self-hosted issuer (kOps, EKS Anywhere, a cluster of one's own), whose
 * pod-identity-webhook chooses it with --token-audience (kOps: "amazonaws.com", kubernetes/kops
 * pkg/model/awsmodel/oidc_provider.go and the eks-pod-identity-webhook addon template, 268927e264).
 */
export function defaultAudienceOfIssuer(issuerOrUrl: string): string | undefined {
  return looksLikeEksIssuer(issuerOrUrl) ? DEFAULT_AUDIENCE : undefined
}

const EKS_ISSUER_HOST_PATH = /^oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/id\/([0-9A-Za-z]+)$/

export interface EksIssuer {
  region: string
  id: string
  china: boolean
}

export function parseEksIssuerHostPath(hostPath: string): EksIssuer | undefined {
  const match = EKS_ISSUER_HOST_PATH.exec(hostPath)
  if (!match) return undefined
  const [, region = '', china, id = ''] = match
  return { region, china: china !== undefined, id }
}

/** The partition an AWS region belongs to. */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  if (region.startsWith('us-isob-')) return 'aws-iso-b'
  if (region.startsWith('us-iso-')) return 'aws-iso'
  if (region.startsWith('eusc-')) return 'aws-eusc'
  return 'aws'
}

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com'
