import type { Location } from './location.js'
import type { PolicyDocument } from './policy.js'
import type { Value } from './value.js'

/** The input format a fact was read from. */
export type SourceKind =
  | 'kubernetes'
  | 'iam-json'
  | 'terraform'
  | 'terraform-plan'
  | 'helm'
  | 'kustomize'
  | 'eksctl'
  | 'cloudformation'
  | 'config'
  | 'live'

/**
 * The Terraform resource instance a fact describes. The same resource read from the `.tf` files
 * and from a plan of them is one resource: the engine merges the two facts (sources/same-resource.ts).
 */
export interface TerraformResourceRef {
  /** Repository-relative directory of the root module (`.` for the repository root); undefined when the source cannot tell. */
  root?: string
  /** Absolute instance address as Terraform writes it: `aws_iam_role.app`, `module.irsa.aws_iam_role.this[0]`, `aws_iam_role.x["key"]`. */
  address: string
}

export interface Annotation {
  key: string
  keyLocation: Location
  value: Value
  /** Where on the object the key was found. */
  where: 'annotations' | 'labels' | 'template-annotations' | 'template-labels'
  /**
   * Set when the YAML value is not a string (an unquoted number or boolean, null, a list or map),
   * which Kubernetes rejects in annotations and labels; `value` then holds the source text.
   */
  valueKind?: 'number' | 'boolean' | 'null' | 'collection'
}

/** Any Kubernetes object read from a manifest; the rules about annotation keys and placement read these. */
export interface KubeObject {
  source: SourceKind
  apiVersion: string
  kind: string
  name: Value
  namespace: Value
  location: Location
  annotations: Annotation[]
  terraform?: TerraformResourceRef
}

export interface ServiceAccount {
  source: SourceKind
  namespace: Value
  name: Value
  /** The object (its `metadata.name`, or the defining block). */
  location: Location
  /** All `metadata.annotations`. */
  annotations: Annotation[]
  /** `eks.amazonaws.com/role-arn` */
  roleArn?: Value
  /** `eks.amazonaws.com/audience` */
  audience?: Value
  /** `eks.amazonaws.com/sts-regional-endpoints` */
  stsRegionalEndpoints?: Value
  /** `eks.amazonaws.com/token-expiration` */
  tokenExpiration?: Value
  terraform?: TerraformResourceRef
}

export interface EnvVar {
  name: string
  location: Location
  /** undefined when set through `valueFrom`. */
  value?: Value
  fromSecret?: boolean
}

export interface Container {
  name: string
  init: boolean
  location: Location
  env: EnvVar[]
}

export interface Workload {
  source: SourceKind
  kind: string
  name: Value
  namespace: Value
  location: Location
  /** `spec.serviceAccountName` (or deprecated `serviceAccount`); undefined means "default". */
  serviceAccountName?: Value
  containers: Container[]
}

export interface Role {
  source: SourceKind
  location: Location
  /** For messages: "role app-reader in iam/app-reader.json", "aws_iam_role.app". */
  label: string
  name?: Value
  /** The real name gets a random suffix (name_prefix, terraform-aws-iam v6 use_name_prefix, CloudFormation without RoleName). */
  generatedName?: { prefix: Value; location: Location }
  path?: Value
  account?: Value
  partition?: string
  arn?: Value
  /** Reference expressions that evaluate to this role's ARN (`aws_iam_role.app.arn`, `module.irsa.iam_role_arn`). */
  arnReferences: string[]
  trustPolicy?: PolicyDocument
  /** Number of attached and inline permission policies, when the source says. */
  permissionPolicyCount?: number
  terraform?: TerraformResourceRef
}

export interface OidcProvider {
  source: SourceKind
  location: Location
  arn?: Value
  /** Provider URL as configured (with `https://` in Terraform; without it in IAM's API). */
  url?: Value
  clientIds: Value[]
  clientIdsLocation?: Location
  arnReferences: string[]
  terraform?: TerraformResourceRef
}

export interface Cluster {
  source: SourceKind
  location: Location
  name: Value
  region?: Value
  account?: Value
  /** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` */
  issuer?: Value
  terraform?: TerraformResourceRef
}

export interface PodIdentityAssociation {
  source: SourceKind
  location: Location
  cluster?: Value
  namespace: Value
  serviceAccount: Value
  roleArn: Value
  terraform?: TerraformResourceRef
}

/** A profile of an AWS shared config file (the cross-account chain). */
export interface AwsProfile {
  source: SourceKind
  location: Location
  name: string
  roleArn?: Value
  webIdentityTokenFile?: Value
  sourceProfile?: string
}

export interface Facts {
  objects: KubeObject[]
  serviceAccounts: ServiceAccount[]
  workloads: Workload[]
  roles: Role[]
  oidcProviders: OidcProvider[]
  clusters: Cluster[]
  podIdentityAssociations: PodIdentityAssociation[]
  awsProfiles: AwsProfile[]
}

export function emptyFacts(): Facts {
  return {
    objects: [],
    serviceAccounts: [],
    workloads: [],
    roles: [],
    oidcProviders: [],
    clusters: [],
    podIdentityAssociations: [],
    awsProfiles: [],
  }
}

export function mergeFacts(into: Facts, from: Partial<Facts>): void {
  for (const key of Object.keys(from) as (keyof Facts)[]) {
    const items = from[key]
    if (items) (into[key] as unknown[]).push(...items)
  }
}
