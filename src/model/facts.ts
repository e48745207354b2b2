import type { LiveObservations } from './live.js'
import type { Location } from './location.js'
import type { PolicyDocument } from './policy.js'
import type { SdkId } from './sdk-minimums.js'
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
  | 'aws-config'
  | 'config'
  | 'live'
  | 'build-file'
  | 'script'

/**
 * The Terraform resource instance a fact describes. The same resource read from the `.tf` files
 * and from a plan of them is one resource: the engine merges the two facts (merge-same-resources.ts).
 */
export interface TerraformResourceRef {
  /** Repository-relative directory of the root module (`.` for the repository root); undefined when the source cannot tell. */
  root?: string
  /** Absolute instance address as Terraform writes it: `aws_iam_role.app`, `module.irsa.aws_iam_role.this[0]`, `aws_iam_role.x["key"]`. */
  address: string
  /**
   * Set when the resource, or a module it is in, has a count or for_each the scan cannot resolve:
   * it is read as one instance that may exist, under this condition (`if var.create_role`, `for_each = var.roles`).
   */
  condition?: string
}

/**
 * The deploy unit a fact belongs to: what is applied together (a Terraform root module with the
 * modules it calls, one eksctl ClusterConfig, one Kustomize build, one Helm release, one
 * CloudFormation template), e.g. `terraform envs/dev`. Facts of two units are joined only through
 * something that ties them (a literal ARN); facts without a unit (plain manifests, IAM JSON, the
 * config file, live AWS) join across the repository.
 */
export type DeployUnit = string

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
  unit?: DeployUnit
  apiVersion: string
  kind: string
  name: Value
  namespace: Value
  location: Location
  annotations: Annotation[]
  /** The ServiceAccount a custom resource authenticates as (sources/kubernetes/service-account-references.ts). */
  serviceAccountRef?: ServiceAccountRef
  /** Roles a controller assumes with sts:AssumeRole because this object says so (cert-manager route53.role). */
  assumedRoles?: AssumedRole[]
  terraform?: TerraformResourceRef
}

/** A role a controller assumes with sts:AssumeRole, from its own credentials, because a custom resource names it. */
export interface AssumedRole {
  roleArn: Value
  /** The value. */
  location: Location
  /** `spec.acme.solvers[0].dns01.route53.role` */
  field: string
  /** The controller that assumes it, for messages. */
  by: string
}

/** A custom resource's field naming a ServiceAccount whose token and role-arn annotation a controller uses. */
export interface ServiceAccountRef {
  name: Value
  /** The ref's own namespace or the object's, as the controller decides; symbolic when only known per use. */
  namespace: Value
  /** The ref's `name` key. */
  location: Location
  /** `spec.provider.aws.auth.jwt.serviceAccountRef` */
  field: string
}

export interface ServiceAccount {
  source: SourceKind
  unit?: DeployUnit
  namespace: Value
  name: Value
  /** The object (its `metadata.name`, or the defining block). */
  location: Location
  /** All `metadata.annotations`. */
  annotations: Annotation[]
  /** `eks.amazonaws.com/role-arn` */
  roleArn?: Value
  /** A comment of the manifest that tells the reader to replace the role ARN before applying (`# Replace <ACCOUNT_ID> with your account ID`). */
  roleArnReplaceComment?: Location
  /** `eks.amazonaws.com/audience` */
  audience?: Value
  /** `eks.amazonaws.com/sts-regional-endpoints` */
  stsRegionalEndpoints?: Value
  /** `eks.amazonaws.com/token-expiration` */
  tokenExpiration?: Value
  /** The EKS add-on that creates the ServiceAccount and annotates it with its service account role (model/eks-addons.ts): its name is fixed. */
  addon?: string
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
  /** The container also takes variables from `envFrom` (ConfigMaps, Secrets), which the scan does not read. */
  envFrom?: boolean
  /** An init container's `restartPolicy` (`Always`: a native sidecar). */
  restartPolicy?: Value
  volumeMounts?: VolumeMount[]
  securityContext?: SecurityContext
}

export interface VolumeMount {
  volume: string
  mountPath: string
  subPath?: string
  /** The `mountPath` value. */
  location: Location
}

/** A volume of the pod, as far as the IRSA rules read it (`spec.volumes[]`). */
export interface PodVolume {
  name: string
  location: Location
  /** Projected `serviceAccountToken` sources: the file's path in the volume and the token's audience (absent: the API server's). */
  serviceAccountTokens: { path: string; audience?: Value }[]
  /** ConfigMaps and Secrets it holds (directly or projected), with the `items` paths when listed. */
  stored: { kind: 'ConfigMap' | 'Secret'; name: string; paths?: string[] }[]
}

/** `runAsUser`, `runAsNonRoot` and (pod level only) `fsGroup` of a `securityContext`. */
export interface SecurityContext {
  location: Location
  runAsUser?: Value
  runAsNonRoot?: Value
  fsGroup?: Value
}

export interface Workload {
  source: SourceKind
  unit?: DeployUnit
  kind: string
  name: Value
  namespace: Value
  location: Location
  /** `spec.serviceAccountName` (or deprecated `serviceAccount`); undefined means "default". */
  serviceAccountName?: Value
  containers: Container[]
  volumes?: PodVolume[]
  /** The `hostNetwork: true` key of the pod spec. */
  hostNetwork?: Location
  securityContext?: SecurityContext
  /** The node operating system the pod is placed on, when its spec pins one. */
  nodeOs?: NodeOs
  /** The pod's labels (a Pod's own, a template's), which Fargate profile selectors match. */
  podLabels?: PodLabel[]
}

/**
 * The OS a pod spec requires of its node: `nodeSelector` `kubernetes.io/os` (or `beta.kubernetes.io/os`),
 * else a required node affinity whose every term allows only this OS (`kubernetes.io/os In [windows]`).
 */
export interface NodeOs {
  os: string
  via: 'nodeSelector' | 'nodeAffinity'
  /** The selector's or the affinity's key. */
  location: Location
}

export interface PodLabel {
  key: string
  value: Value
}

export interface Role {
  source: SourceKind
  unit?: DeployUnit
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
  trustPolicy?: PolicyDocument | undefined
  /** Number of attached and inline permission policies, when the source says. */
  permissionPolicyCount?: number
  /** The role's own (identity-based) permissions, as far as the source states them (the cross-account chain). */
  permissions?: RolePermissions
  /** Managed policies attached to the role, as far as the source states them. */
  managedPolicyArns?: { arn: Value; location: Location }[]
  terraform?: TerraformResourceRef
}

/** A role whose trust policy the scan read. */
export type TrustedRole = Role & { trustPolicy: PolicyDocument }

export function hasTrustPolicy(role: Role): role is TrustedRole {
  return role.trustPolicy !== undefined
}

export interface OidcProvider {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  arn?: Value
  /** Provider URL as configured (with `https://` in Terraform; without it in IAM's API). */
  url?: Value
  clientIds: Value[]
  clientIdsLocation?: Location
  /** The certificate thumbprints it is created with, when the source states them. */
  thumbprints?: Value[]
  /** A thumbprint fetched from a URL when Terraform plans, rather than written. */
  thumbprintFetch?: ThumbprintFetch
  arnReferences: string[]
  terraform?: TerraformResourceRef
}

/**
 * A `data "tls_certificate"` whose certificate fingerprint is a thumbprint of the provider, or a
 * module setting that makes the module do the same.
 */
export interface ThumbprintFetch {
  /** The data source block, or the module setting. */
  location: Location
  /** `data.tls_certificate.cluster`; `module.eks include_oidc_root_ca_thumbprint = true`. */
  label: string
  /** The URL fetched. */
  url: Value
}

/**
 * An IAM OIDC provider a module creates unless told not to, told not to (terraform-aws-eks
 * `enable_irsa = false`): the output that would hold its ARN is null at apply time.
 */
export interface AbsentOidcProvider {
  source: SourceKind
  unit?: DeployUnit
  /** The setting that turns the provider off. */
  location: Location
  /** The setting as written: `enable_irsa = false`. */
  setting: string
  /** The module, for messages: `module.eks`. */
  label: string
  /** How the configuration refers to the ARN it would have (`module.eks.oidc_provider_arn`). */
  arnReferences: string[]
}

export interface Cluster {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  name: Value
  region?: Value
  account?: Value
  /** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` */
  issuer?: Value
  /** The Kubernetes version as written (`version = "1.29"`, eksctl `metadata.version`). */
  version?: Value
  /** A local cluster on AWS Outposts (`outpost_config`, eksctl `outpost`): where that is said. */
  outpost?: Location
  /**
   * Reference expressions that stand for this cluster's OIDC issuer or provider
   * (`aws_eks_cluster.main.identity[0].oidc[0].issuer`, `module.eks.oidc_provider`): a symbolic
   * value that contains one is derived from it.
   */
  oidcReferences?: string[]
  /**
   * The repository shows the whole network of the cluster's nodes and it has no route to the
   * internet, only VPC endpoints (eksctl `privateCluster.enabled`, a terraform-aws-modules/vpc
   * VPC or aws_vpc without NAT gateway or internet gateway); where that is said.
   */
  privateNetwork?: {
    location: Location
    description: string
    /** The network's STS interface endpoint (regional only), or 'none' when the repository shows it has none. */
    stsEndpoint?: Location | 'none'
  }
  /** EKS Auto Mode (`compute_config.enabled`, eksctl `autoModeConfig.enabled`): the Pod Identity agent is built in. */
  autoMode?: Value
  /** The source lists the cluster's add-ons in one place (eksctl `addons`, terraform-aws-eks `addons`/`cluster_addons`): `eksAddons` of its unit are all of them. */
  addonsListed?: Location
  terraform?: TerraformResourceRef
}

/** An EKS add-on (`aws_eks_addon`, an entry of terraform-aws-eks `addons`, eksctl `addons`). */
export interface EksAddon {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  cluster?: Value
  name: Value
  terraform?: TerraformResourceRef
}

/** An EKS Fargate profile: the pods its selectors match run on Fargate. */
export interface FargateProfile {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  /** For messages: `aws_eks_fargate_profile.apps`, `fargate profile "apps" (eksctl/cluster.yaml)`. */
  label: string
  cluster?: Value
  selectors: FargateSelector[]
  podExecutionRoleArn?: Value
  terraform?: TerraformResourceRef
}

/** A pod runs on Fargate when its namespace matches and it has every label (values may hold `*` and `?`). */
export interface FargateSelector {
  location: Location
  namespace: Value
  labels: PodLabel[]
  /** The labels are given as something the scan cannot read (a reference): which pods match is not known. */
  labelsUnknown?: boolean
}

/**
 * A pod identity webhook the repository deploys itself (amazon-eks-pod-identity-webhook outside
 * EKS, where the control plane does not run it): `--aws-default-region` is what it injects as
 * AWS_REGION and AWS_DEFAULT_REGION; without it the pods get no region.
 */
export interface SelfHostedWebhook {
  source: SourceKind
  unit?: DeployUnit
  /** The container. */
  location: Location
  image?: Value
  /** The `--aws-default-region` value; undefined when the flag is absent. */
  defaultRegion?: Value
}

/**
 * A group of EC2 nodes that joins a cluster (eksctl `managedNodeGroups`/`nodeGroups`,
 * CloudFormation `AWS::EKS::Nodegroup`, Terraform `aws_eks_node_group`), with its node role.
 */
export interface NodeGroup {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  /** For messages: `managed node group workers (eksctl/cluster.yaml)`, `AWS::EKS::Nodegroup Workers`. */
  label: string
  cluster?: Value
  /** An existing role the nodes run as (its ARN, or a reference to a role of the scan). */
  roleArn?: Value
  /** The role the tool creates for the nodes, when the source states all it gets (eksctl `iam.attachPolicyARNs`). */
  createdRole?: CreatedNodeRole
  /** The nodes run Windows (eksctl `amiFamily: WindowsServer…`, `amiType: WINDOWS_…`), where EKS Pod Identity does not run. */
  windows?: boolean
  terraform?: TerraformResourceRef
}

/** A node role a tool creates with exactly these policies. */
export interface CreatedNodeRole {
  /** Where the policies are listed. */
  location: Location
  label: string
  managedPolicyArns: { arn: Value; location: Location }[]
  permissions: RolePermissions
}

export interface PodIdentityAssociation {
  source: SourceKind
  unit?: DeployUnit
  location: Location
  cluster?: Value
  namespace: Value
  serviceAccount: Value
  roleArn: Value
  /** `disable_session_tags` / `disableSessionTags`: EKS then does not tag the session (no sts:TagSession needed). */
  disableSessionTags?: Value
  /** `target_role_arn` / `targetRoleArn`: EKS assumes `roleArn`, then this role (cross-account role chaining). */
  targetRoleArn?: Value
  terraform?: TerraformResourceRef
}

/**
 * A Terraform module call whose source irsa-guard does not read (a registry or git module it does
 * not emulate, a directory outside the scan): the ServiceAccounts and roles it makes are not facts.
 */
export interface UnreadModule {
  source: SourceKind
  /** The `module` block. */
  location: Location
  /** `module.irsa.`, `module.apps["x"].module.irsa.`: what references to its outputs start with. */
  prefix: string
  /** The `source` argument as written. */
  moduleSource: string
  version?: string
  /** The arguments that name IRSA things (`oidc_provider_arn`, `set_irsa_names`, `service_account`); empty when none does. */
  irsaArguments: string[]
  terraform?: TerraformResourceRef
}

/**
 * A Helm release (a Terraform `helm_release`) that gives a ServiceAccount a role-arn annotation,
 * of a chart whose ServiceAccount naming irsa-guard does not know: the ServiceAccount is not a fact.
 */
export interface UnknownChart {
  source: SourceKind
  /** The role-arn annotation's key in the release's values. */
  location: Location
  /** The `chart` argument as written. */
  chart: string
  roleArn: Value
  terraform?: TerraformResourceRef
}

/**
 * A release of a modelled chart that turns a ServiceAccount off (`create: false`), names none and
 * still gives it a role-arn annotation, where the chart's helper then runs the pods as `default`
 * (catalogue F7): the annotation is on no ServiceAccount.
 */
export interface ReleaseRunningAsDefault {
  source: SourceKind
  /** `helm release lb`, `Application lb`: how a message names the release. */
  label: string
  /** The chart's name (`aws-load-balancer-controller`). */
  chart: string
  /** Values path of the ServiceAccount settings (`serviceAccount`, `rbac.serviceAccount`). */
  path: string
  namespace: Value
  roleArn: Value
  /** The role-arn annotation's key in the release's values. */
  location: Location
  terraform?: TerraformResourceRef
}

/** What a role's identity-based policies say; `complete` when no attached policy's document is unknown. */
export interface RolePermissions {
  complete: boolean
  statements: PermissionStatement[]
  /**
   * Set when the only policies whose documents the scan lacks are these attached managed policies
   * (AWS managed ones a rule may know by name): the permissions are `statements` and theirs. In
   * Terraform, as far as the repository shows the role's attachments (without exclusive lists,
   * another configuration could attach more).
   */
  unreadManagedPolicies?: Value[]
}

/** One statement of a permission policy, values as written (a reference stays symbolic). */
export interface PermissionStatement {
  location: Location
  effect?: Value
  actions?: Value[]
  notActions?: Value[]
  resources?: Value[]
  notResources?: Value[]
  /** The statement has a Condition: whether it applies is not known statically. */
  conditional: boolean
}

/** A profile of an AWS shared config file (the cross-account chain). */
export interface AwsProfile {
  source: SourceKind
  location: Location
  name: string
  roleArn?: Value
  webIdentityTokenFile?: Value
  sourceProfile?: string
  sourceProfileLocation?: Location
  externalId?: Value
  /** `credential_source` (Environment, Ec2InstanceMetadata, EcsContainer): the chain starts there instead. */
  credentialSource?: Value
  /** `aws_access_key_id`: the profile holds static keys. */
  staticKeys?: Location
  /** The file the profile is written in; `source_profile` names a profile of the same file. Shared by its profiles. */
  configFile?: AwsConfigFile
}

/** An AWS shared config file: in the repository, or a ConfigMap/Secret key mounted into pods. */
export interface AwsConfigFile {
  /** For messages: `ConfigMap payments/aws-config key "config" (k8s/aws-config.yaml)`. */
  label: string
  location: Location
  /** Containers whose SDK reads this file. */
  readers: AwsConfigReader[]
}

export interface AwsConfigReader {
  workload: { kind: string; namespace: Value; name: Value; location: Location; serviceAccountName?: Value }
  container: string
  containerLocation: Location
  /** `AWS_PROFILE` (or `AWS_DEFAULT_PROFILE`); absent means the profile `default`. */
  profile?: Value
  /** Where the pod mounts volumes: a token file of the pod's own, or the webhook's. */
  mountPaths: string[]
}

/**
 * Something in a deploy unit that may create ServiceAccounts irsa-guard cannot name: a module call
 * it does not model, a chart release it does not render (Terraform helm_release, Argo CD
 * Application, Flux HelmRelease), an EKS add-on of unknown ServiceAccounts, a local-exec provisioner.
 */
export interface ServiceAccountCreator {
  source: SourceKind
  /** For messages: `module.addons`, `helm_release.celeborn`, `Application argocd/celeborn`. */
  label: string
  location: Location
  /** What it is given (arguments, values, spec) as text, for telling whether it is handed a role. */
  text: string
  /** It runs programs irsa-guard does not read (a Terraform `local-exec` provisioner): it may create and annotate anything. */
  runsPrograms?: boolean
  terraform?: TerraformResourceRef
}

/**
 * An application build file (pom.xml, build.gradle(.kts), *.csproj) that depends on an AWS SDK
 * whose web identity support lives in a separate module (sources/build-files/).
 */
export interface BuildFile {
  source: SourceKind
  /** The build file; the service it builds is its directory. */
  location: Location
  sdk: 'AWS SDK for Java 2.x' | 'AWS SDK for Java 1.x' | 'AWS SDK for .NET'
  /** The first SDK dependency. */
  dependency: { name: string; location: Location }
  /** The module that reads the web identity token: software.amazon.awssdk:sts, aws-java-sdk-sts, AWSSDK.SecurityToken (or a bundle that has it). */
  stsModule: string
  hasStsModule: boolean
}

/**
 * An AWS SDK package a build, manifest or lock file names, with its version (sources/build-files/).
 * A lock file's resolved version wins over the manifests of the same directory and ecosystem.
 */
export interface SdkDependency {
  source: SourceKind
  /** The dependency's entry. */
  location: Location
  sdk: SdkId
  /** The package as its ecosystem names it: "aws-sdk", "boto3", "software.amazon.awssdk:s3". */
  package: string
  /** The version as written: a resolved version, a pin or a range. */
  written: string
  /** The same as an npm semver range; undefined when irsa-guard cannot read it (a property, a tag, a URL). */
  range?: string
  /** Read from a lock file (a resolved version). */
  locked: boolean
  /** The manifests a lock file settles: a lock file's versions replace those of the same ecosystem and directory. */
  ecosystem: 'npm' | 'python' | 'go' | 'ruby' | 'php' | 'java' | 'dotnet'
}

export interface Facts {
  objects: KubeObject[]
  serviceAccounts: ServiceAccount[]
  workloads: Workload[]
  roles: Role[]
  oidcProviders: OidcProvider[]
  /** Present when a source saw any. */
  absentOidcProviders?: AbsentOidcProvider[]
  clusters: Cluster[]
  podIdentityAssociations: PodIdentityAssociation[]
  eksAddons: EksAddon[]
  awsProfiles: AwsProfile[]
  /** Present when a source saw any. */
  serviceAccountCreators?: ServiceAccountCreator[]
  unreadModules: UnreadModule[]
  unknownCharts: UnknownChart[]
  /** Present when a source saw any. */
  templateVariables?: TemplateVariable[]
  /** Present when a source saw any. */
  buildFiles?: BuildFile[]
  /** Present when a source saw any. */
  sdkDependencies?: SdkDependency[]
  /** Present when a source saw any. */
  fargateProfiles?: FargateProfile[]
  /** Present when a source saw any. */
  nodeGroups?: NodeGroup[]
  /** Present when a source saw any. */
  selfHostedWebhooks?: SelfHostedWebhook[]
  /** Present when a source saw any. */
  releasesRunningAsDefault?: ReleaseRunningAsDefault[]
  /** What live confirmation read from AWS (only when it ran). */
  live?: LiveObservations[]
}

/**
 * A value a deploy-time template variable (`${NAME}` in a manifest filled by envsubst) takes: a
 * Terraform output of that name, an entry of an output that is a map of environment variables,
 * or a literal a script assigns before it runs envsubst on the manifest.
 */
export interface TemplateVariable {
  source: SourceKind
  unit?: DeployUnit
  name: string
  value: Value
  /** The output block, or the assignment. */
  location: Location
  /** The manifests it may fill: those under this repository-relative directory ('' is the whole repository). */
  scope: string
  /** For a script: the files it runs envsubst on; only these are filled. */
  files?: string[]
  /** For messages: `output "environment_variables" in lab/.workshop/terraform`. */
  label: string
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
    eksAddons: [],
    awsProfiles: [],
    unreadModules: [],
    unknownCharts: [],
  }
}

/** The unit of a Terraform root module (its repository-relative directory) and the modules it calls. */
export function terraformUnit(rootDirectory: string): DeployUnit {
  return `terraform ${rootDirectory}`
}

/** The kinds of facts that belong to a deploy unit. */
export const UNIT_FACT_KINDS = [
  'objects',
  'serviceAccounts',
  'workloads',
  'roles',
  'oidcProviders',
  'clusters',
  'podIdentityAssociations',
  'eksAddons',
] as const

/** Puts every fact of a source's result in a deploy unit. */
export function placeInUnit(facts: Partial<Facts>, unit: DeployUnit): void {
  for (const kind of UNIT_FACT_KINDS) {
    for (const fact of facts[kind] ?? []) fact.unit = unit
  }
  for (const fact of facts.fargateProfiles ?? []) fact.unit = unit
  for (const fact of facts.nodeGroups ?? []) fact.unit = unit
  for (const fact of facts.selfHostedWebhooks ?? []) fact.unit = unit
}

/** Whether two facts may be joined without a tie: the same unit, or one of them in none. */
export function sameUnitOrNone(a: DeployUnit | undefined, b: DeployUnit | undefined): boolean {
  return a === undefined || b === undefined || a === b
}

export function mergeFacts(into: Facts, from: Partial<Facts>): void {
  for (const key of Object.keys(from) as (keyof Facts)[]) {
    const items = from[key]
    if (!items) continue
    // Optional kinds (live) start absent.
    const list = (into as unknown as Record<string, unknown[] | undefined>)[key] ?? []
    ;(into as unknown as Record<string, unknown[]>)[key] = list
    // One push per item: spreading a list of 130,000 or more overflows the call stack.
    for (const item of items) list.push(item)
  }
}
