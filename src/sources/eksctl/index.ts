import type { ClusterConfig } from '../../config.js'
import { DEFAULT_AUDIENCE, issuerHostPath, parseRoleArn } from '../../iam/arn.js'
import {
  placeInUnit,
  type Annotation,
  type Cluster,
  type FargateProfile,
  type FargateSelector,
  type EksAddon,
  type NodeGroup,
  type OidcProvider,
  type PodIdentityAssociation,
  type Role,
  type RolePermissions,
  type ServiceAccount,
} from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import {
  child,
  entry,
  scalarText,
  type ObjectEntry,
  type ObjectNode,
  type ScalarNode,
  type TreeNode,
} from '../../model/tree.js'
import { known, symbolic, type Value, valueText } from '../../model/value.js'
import { addPermissionDocument } from '../shared/permission-policy.js'
import { readPolicyDocument } from '../shared/policy-document.js'
import {
  appendResult,
  emptyResult,
  perFileSource,
  type SourceContext,
  type SourceFile,
  type SourceResult,
} from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION, STS_REGIONAL_ENDPOINTS_ANNOTATION } from '../../model/kubernetes.js'
import { serviceAccountSubject } from '../../model/service-account-subject.js'
import { addonServiceAccounts } from '../../model/eks-addons.js'

/**
 * eksctl's `ClusterConfig` (`apiVersion: eksctl.io/v1alpha5`): the cluster, its OIDC provider
 * (`iam.withOIDC`), and what eksctl creates for `iam.serviceAccounts` (a role whose trust it
 * generates for that namespace and name, and the ServiceAccount annotated with it unless
 * `roleOnly`; `attachRoleARN` annotates with an existing role) and `iam.podIdentityAssociations`.
 * The cluster's issuer is known only from the config file's `clusters:`; otherwise it is a reference.
 */
export const eksctlSource = perFileSource('eksctl', ['eksctl'], (file, context) => readEksctlFile(file, context))

const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com'
/** CloudFormation's random suffix of a generated role name (`…-Role1-1N1ZVZVZQ0Z3K`). */
const GENERATED_SUFFIX_LENGTH = 13
const MAX_ROLE_NAME = 64

/**
 * `shellScope`: the text is a shell here-document whose `$NAME`/`${NAME}` the shell replaces at
 * run time (with values irsa-guard does not know): a scalar holding one is symbolic, not a
 * literal, and belongs to the shell session of that scope (see ShellVariables).
 */
export function readEksctlFile(
  file: SourceFile,
  context: Pick<SourceContext, 'config'>,
  options: { shellScope?: string } = {},
): SourceResult {
  const result = emptyResult()
  result.suppressions.push(...commentSuppressions(file.path, file.text, ['#']))
  const tree = parseYamlTree(file.path, file.text, { version: '1.1' })
  const scope = options.shellScope
  if (scope !== undefined)
    for (const document of tree.documents) if (document.root) markShellExpansions(document.root, scope)
  for (const finding of tree.findings)
    result.findings.push({ ...finding, message: `${finding.message}; nothing in this eksctl config was checked` })
  tree.documents.forEach((document, index) => {
    const root = document.root
    if (
      root?.kind !== 'object' ||
      scalarText(child(root, 'kind')) !== 'ClusterConfig' ||
      !scalarText(child(root, 'apiVersion'))?.startsWith('eksctl.io/')
    )
      return
    // Each ClusterConfig is created on its own (eksctl create cluster -f): a unit.
    const config = emptyResult()
    new ClusterConfigReader(file.path, root, context.config.clusters, config).read()
    placeInUnit(config.facts, `eksctl ${file.path}${tree.documents.length > 1 ? `#${index}` : ''}`)
    appendResult(result, config)
  })
  return result
}

/**
 * What `eksctl create iamserviceaccount` creates, given as the `iam.serviceAccounts` item the
 * command's flags amount to (eksctl builds exactly that item: pkg/ctl/create/iamserviceaccount.go),
 * in a cluster named by `--cluster`. No cluster or provider fact: the command creates neither.
 */
export function readIamServiceAccountCommand(
  path: string,
  cluster: Value | undefined,
  item: ObjectNode,
  where: string,
  context: Pick<SourceContext, 'config'>,
  result: SourceResult,
): void {
  const location = item.location
  const name: ScalarNode = cluster
    ? {
        kind: 'scalar',
        location: cluster.location,
        value: cluster,
        type: cluster.kind === 'known' ? 'string' : 'unknown',
      }
    : { kind: 'scalar', location, value: symbolic('eksctl --cluster', location), type: 'unknown' }
  const root = object(location, [field('metadata', object(location, [field('name', name, location)]), location)])
  new ClusterConfigReader(path, root, context.config.clusters, result).serviceAccount(item, 0, where)
}

class ClusterConfigReader {
  private readonly clusterName: string | undefined
  private readonly region: string | undefined
  private readonly configured: ClusterConfig | undefined
  private readonly base: string

  constructor(
    private readonly path: string,
    private readonly root: ObjectNode,
    clusters: readonly ClusterConfig[],
    private readonly result: SourceResult,
  ) {
    const metadata = child(root, 'metadata')
    this.clusterName = scalarText(child(metadata, 'name'))
    this.region = scalarText(child(metadata, 'region'))
    this.configured = clusters.find(
      (cluster) =>
        cluster.name === this.clusterName && (!cluster.region || !this.region || cluster.region === this.region),
    )
    const name = child(metadata, 'name')
    const symbolicName = name?.kind === 'scalar' && name.value.kind === 'symbolic' ? name.value.expression : undefined
    this.base = `eksctl.${this.clusterName ?? symbolicName ?? path}`
  }

  read(): void {
    const facts = this.result.facts
    const cluster = this.cluster()
    if (cluster) (facts.clusters ??= []).push(cluster)
    const iam = child(this.root, 'iam')
    const withOidc = entry(iam, 'withOIDC')
    const serviceAccounts = child(iam, 'serviceAccounts')
    if (withOidc && scalarText(withOidc.value) === 'true') (facts.oidcProviders ??= []).push(this.provider(withOidc))
    // eksctl refuses the config: `IsDisabled(cfg.IAM.WithOIDC) && len(cfg.IAM.ServiceAccounts) > 0`
    // (pkg/apis/eksctl.io/v1alpha5/validation.go, eksctl v0.230.0); an absent withOIDC is not disabled.
    if (
      withOidc &&
      scalarText(withOidc.value) === 'false' &&
      serviceAccounts?.kind === 'array' &&
      serviceAccounts.items.length > 0
    ) {
      this.result.findings.push({
        ruleId: 'oidc-provider-missing',
        level: 'error',
        location: withOidc.value.location,
        message: `iam.withOIDC is false, so ${this.clusterName !== undefined ? `cluster ${this.clusterName}` : 'the cluster'} gets no IAM OIDC provider and eksctl refuses its ${serviceAccounts.items.length} iam.serviceAccounts ("iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created"); set iam.withOIDC: true`,
        key: `eksctl-without-oidc ${this.base}`,
      })
    }
    if (serviceAccounts?.kind === 'array')
      serviceAccounts.items.forEach((item, index) => this.serviceAccount(item, index))
    const associations = child(iam, 'podIdentityAssociations')
    if (associations?.kind === 'array')
      associations.items.forEach((item, index) => this.podIdentityAssociation(item, index))
    const fargateProfiles = child(this.root, 'fargateProfiles')
    if (fargateProfiles?.kind === 'array')
      fargateProfiles.items.forEach((item, index) => this.fargateProfile(item, index))
    const addons = child(this.root, 'addons')
    if (addons?.kind === 'array') for (const item of addons.items) this.addon(item)
    this.addons(cluster)
    for (const key of ['managedNodeGroups', 'nodeGroups'] as const) {
      const groups = child(this.root, key)
      if (groups?.kind === 'array') groups.items.forEach((item, index) => this.nodeGroup(item, key, index))
    }
  }

  /**
   * A `managedNodeGroups`/`nodeGroups` item and its node role (eksctl v0.230.0
   * pkg/cfn/builder/iam.go addResourcesForIAM, iam_helper.go makeManagedPolicies): an existing one
   * (`iam.instanceRoleARN`; `iam.instanceProfileARN` alone names a role the scan cannot see), or
   * one eksctl creates. That role gets AmazonEKSWorkerNodePolicy only when `iam.attachPolicyARNs`
   * is empty; otherwise exactly those ARNs, AmazonEC2ContainerRegistryReadOnly (self-managed
   * groups), AmazonEC2ContainerRegistryPowerUser (`withAddonPolicies.imageBuilder`),
   * CloudWatchAgentServerPolicy (`withAddonPolicies.cloudWatch`), `iam.attachPolicy` and the
   * other `withAddonPolicies`' statements, none of which is eks-auth's.
   */
  private nodeGroup(item: TreeNode, key: 'managedNodeGroups' | 'nodeGroups', index: number): void {
    if (item.kind !== 'object') return
    const name = scalarText(child(item, 'name'))
    const label = `${key === 'managedNodeGroups' ? 'managed node group' : 'node group'} ${name ?? `${key}[${index}]`} (${this.path})`
    const group: NodeGroup = { source: 'eksctl', location: child(item, 'name')?.location ?? item.location, label }
    const clusterName = child(child(this.root, 'metadata'), 'name')
    if (this.clusterName !== undefined && clusterName) group.cluster = known(this.clusterName, clusterName.location)
    if (/^windows/i.test(scalarText(child(item, 'amiFamily')) ?? '')) group.windows = true
    const iam = child(item, 'iam')
    const roleArn = valueOf(child(iam, 'instanceRoleARN'))
    const attached = entry(iam, 'attachPolicyARNs')
    if (roleArn) group.roleArn = roleArn
    else if (!child(iam, 'instanceProfileARN') && attached?.value.kind === 'array' && attached.value.items.length > 0) {
      const managedPolicyArns = attached.value.items.flatMap((arn) => {
        const value = valueOf(arn)
        return value ? [{ arn: value, location: arn.location }] : []
      })
      const permissions: RolePermissions = { complete: true, statements: [] }
      const inline = child(iam, 'attachPolicy')
      if (inline) addPermissionDocument(permissions, inline)
      const addonPolicies = child(iam, 'withAddonPolicies')
      const enabled = (flag: string): boolean => scalarText(child(addonPolicies, flag)) === 'true'
      const extra = [
        ...(key === 'nodeGroups' ? ['AmazonEC2ContainerRegistryReadOnly'] : []),
        ...(enabled('imageBuilder') ? ['AmazonEC2ContainerRegistryPowerUser'] : []),
        ...(enabled('cloudWatch') ? ['CloudWatchAgentServerPolicy'] : []),
      ]
      for (const policy of extra)
        managedPolicyArns.push({
          arn: known(`arn:aws:iam::aws:policy/${policy}`, attached.keyLocation),
          location: attached.keyLocation,
        })
      if (managedPolicyArns.length !== attached.value.items.length + extra.length) permissions.complete = false
      else if (permissions.complete) {
        permissions.complete = false
        permissions.unreadManagedPolicies = managedPolicyArns.map((policy) => policy.arn)
      }
      group.createdRole = {
        location: attached.keyLocation,
        label: 'the node role eksctl creates for it',
        managedPolicyArns,
        permissions,
      }
    }
    ;(this.result.facts.nodeGroups ??= []).push(group)
  }

  /** A `fargateProfiles` item: its `selectors` (namespace, labels) and `podExecutionRoleARN`. */
  private fargateProfile(item: TreeNode, index: number): void {
    if (item.kind !== 'object') return
    const selectors: FargateSelector[] = []
    const written = child(item, 'selectors')
    for (const selector of written?.kind === 'array' ? written.items : []) {
      const namespace = valueOf(child(selector, 'namespace'))
      if (!namespace) continue
      const read: FargateSelector = { location: selector.location, namespace, labels: [] }
      const labels = child(selector, 'labels')
      if (labels?.kind === 'object') {
        for (const label of labels.entries) {
          const value = valueOf(label.value)
          if (value) read.labels.push({ key: label.key, value })
          else read.labelsUnknown = true
        }
      } else if (labels && !(labels.kind === 'scalar' && labels.type === 'null')) {
        read.labelsUnknown = true
      }
      selectors.push(read)
    }
    const name = scalarText(child(item, 'name'))
    const profile: FargateProfile = {
      source: 'eksctl',
      location: item.location,
      label: `Fargate profile ${name ?? `fargateProfiles[${index}]`}`,
      selectors,
    }
    const clusterName = child(child(this.root, 'metadata'), 'name')
    if (this.clusterName !== undefined && clusterName) profile.cluster = known(this.clusterName, clusterName.location)
    const role = valueOf(child(item, 'podExecutionRoleARN'))
    if (role) profile.podExecutionRoleArn = role
    ;(this.result.facts.fargateProfiles ??= []).push(profile)
  }

  /**
   * An `addons` item with `serviceAccountRoleARN`: EKS annotates the add-on's own ServiceAccounts
   * with that role. With `attachPolicyARNs`, `attachPolicy` or `wellKnownPolicies` eksctl creates
   * the role itself, with a trust for the add-on's ServiceAccount (eksctl v0.230.0
   * pkg/actions/addon/create.go createRoleForIRSA), which cannot refuse it: no fact.
   */
  private addon(item: TreeNode): void {
    const nameEntry = entry(item, 'name')
    const addon = nameEntry && scalarText(nameEntry.value)
    const roleArn = valueOf(child(item, 'serviceAccountRoleARN'))
    if (!nameEntry || addon === undefined || !roleArn) return
    const accounts = addonServiceAccounts(addon)
    if (!accounts) return
    const namespaceOverride = valueOf(child(child(item, 'namespaceConfig'), 'namespace'))
    for (const account of accounts) {
      ;(this.result.facts.serviceAccounts ??= []).push({
        source: 'eksctl',
        namespace: namespaceOverride ?? known(account.namespace, nameEntry.keyLocation),
        name: known(account.name, nameEntry.keyLocation),
        location: nameEntry.keyLocation,
        annotations: [
          { key: ROLE_ARN_ANNOTATION, keyLocation: roleArn.location, value: roleArn, where: 'annotations' },
        ],
        roleArn,
        addon,
      })
    }
  }

  /** `addons` (eksctl v0.230.0 pkg/apis/eksctl.io/v1alpha5/addon.go: `name`): every add-on `create cluster` installs besides its defaults. */
  private addons(cluster: Cluster | undefined): void {
    const addons = entry(this.root, 'addons')
    if (!addons || addons.value.kind !== 'array') return
    if (cluster) cluster.addonsListed = addons.keyLocation
    for (const item of addons.value.items) {
      const nameNode = child(item, 'name')
      const name = valueOf(nameNode)
      if (!name || !nameNode) continue
      const addon: EksAddon = { source: 'eksctl', location: nameNode.location, name }
      if (cluster) addon.cluster = cluster.name
      ;(this.result.facts.eksAddons ??= []).push(addon)
    }
  }

  private cluster(): Cluster | undefined {
    const nameEntry = entry(child(this.root, 'metadata'), 'name')
    if (!nameEntry || this.clusterName === undefined) return undefined
    const cluster: Cluster = {
      source: 'eksctl',
      location: nameEntry.keyLocation,
      name: known(this.clusterName, nameEntry.value.location),
    }
    const region = child(child(this.root, 'metadata'), 'region')
    if (region && this.region !== undefined) cluster.region = known(this.region, region.location)
    const version = valueOf(child(child(this.root, 'metadata'), 'version'))
    if (version) cluster.version = version
    // eksctl: a ClusterConfig with `outpost` makes a local cluster (types.go IsControlPlaneOnOutposts).
    const outpost = entry(this.root, 'outpost')
    if (outpost && outpost.value.kind === 'object') cluster.outpost = outpost.keyLocation
    cluster.oidcReferences = [this.providerReference(), `${this.base}.oidc_provider`, `${this.base}.oidc_issuer_url`]
    if (this.configured?.issuer)
      cluster.issuer = known(this.configured.issuer, this.configured.location ?? nameEntry.keyLocation)
    if (this.configured?.account)
      cluster.account = known(this.configured.account, this.configured.location ?? nameEntry.keyLocation)
    const privateCluster = entry(child(this.root, 'privateCluster'), 'enabled')
    const vpc = child(this.root, 'vpc')
    // A fully-private cluster in a VPC eksctl creates has private subnets only and no NAT gateway
    // (eksctl v0.230.0 pkg/cfn/builder/vpc_ipv4.go AddResources: IsFullyPrivate returns before
    // addNATGateways). eksctl creates interface endpoints for ec2, ecr.api, ecr.dkr, s3 and sts
    // (pkg/apis/eksctl.io/v1alpha5/endpoint_service.go RequiredEndpointServices;
    // additionalEndpointServices adds only cloudformation, autoscaling or logs), none with
    // privateCluster.skipEndpointCreation (pkg/cfn/builder/cluster.go). An existing VPC (vpc.id,
    // vpc.subnets) may have any route.
    if (privateCluster && scalarText(privateCluster.value) === 'true' && !child(vpc, 'id') && !child(vpc, 'subnets')) {
      const skip = scalarText(entry(child(this.root, 'privateCluster'), 'skipEndpointCreation')?.value) === 'true'
      cluster.privateNetwork = {
        location: privateCluster.keyLocation,
        description:
          'a fully-private eksctl cluster (privateCluster.enabled) in a VPC eksctl creates without a NAT gateway',
        stsEndpoint: skip ? 'none' : privateCluster.keyLocation,
      }
    } else if (this.natDisabledPrivateNodes(vpc))
      cluster.privateNetwork = {
        location: entry(child(vpc, 'nat'), 'gateway')?.keyLocation ?? nameEntry.keyLocation,
        description:
          'in the private subnets of the VPC eksctl creates with vpc.nat.gateway Disable, where every node group sets privateNetworking',
        stsEndpoint: 'none',
      }
    // The cluster role (`iam.serviceRoleARN`) is in the cluster's account.
    const serviceRole = valueOf(child(child(this.root, 'iam'), 'serviceRoleARN'))
    const serviceRoleAccount =
      serviceRole?.kind === 'known' ? parseRoleArn(serviceRole.value.trim())?.account : undefined
    if (!cluster.account && serviceRole && serviceRoleAccount)
      cluster.account = known(serviceRoleAccount, serviceRole.location)
    // eksctl v0.230.0 pkg/apis/eksctl.io/v1alpha5/types.go: `autoModeConfig.enabled`.
    const autoMode = valueOf(child(child(this.root, 'autoModeConfig'), 'enabled'))
    if (autoMode) cluster.autoMode = autoMode
    return cluster
  }

  /**
   * A VPC eksctl creates without NAT gateway (eksctl v0.230.0 pkg/cfn/builder/vpc_ipv4.go
   * addNATGateways: Disable adds nothing; its private subnets' route tables have no default route),
   * where every node is in a private subnet: each of `nodeGroups` and `managedNodeGroups` sets
   * `privateNetworking: true` without `subnets`, Fargate profiles take private subnets, and no
   * Auto Mode, Karpenter, hybrid nodes or IPv6 family places nodes elsewhere.
   */
  private natDisabledPrivateNodes(vpc: TreeNode | undefined): boolean {
    if (scalarText(child(child(vpc, 'nat'), 'gateway')) !== 'Disable' || child(vpc, 'id') || child(vpc, 'subnets'))
      return false
    if (['karpenter', 'remoteNetworkConfig', 'outpost'].some((key) => child(this.root, key))) return false
    if (scalarText(child(child(this.root, 'autoModeConfig'), 'enabled')) === 'true') return false
    const family = scalarText(child(child(this.root, 'kubernetesNetworkConfig'), 'ipFamily'))
    if (family !== undefined && family.toLowerCase() !== 'ipv4') return false
    const groups = ['nodeGroups', 'managedNodeGroups'].map((key) => child(this.root, key))
    if (groups.some((group) => group !== undefined && group.kind !== 'array')) return false
    const items = groups.flatMap((group) => (group?.kind === 'array' ? group.items : []))
    const fargate = child(this.root, 'fargateProfiles')
    if (items.length === 0 && !(fargate?.kind === 'array' && fargate.items.length > 0)) return false
    return items.every((item) => scalarText(child(item, 'privateNetworking')) === 'true' && !child(item, 'subnets'))
  }

  /** The OIDC provider's ARN is a reference to what eksctl creates; its URL is the issuer when the config file names it. */
  private provider(withOidc: ObjectEntry): OidcProvider {
    const location = withOidc.keyLocation
    const issuer = this.configured?.issuer
    return {
      source: 'eksctl',
      location,
      url: issuer ? known(issuer, location) : symbolic(`${this.base}.oidc_issuer_url`, location),
      clientIds: [known(DEFAULT_AUDIENCE, location)],
      clientIdsLocation: location,
      arnReferences: [this.providerReference()],
    }
  }

  private providerReference(): string {
    return `${this.base}.oidc_provider_arn`
  }

  /** One `iam.serviceAccounts` item; `where` says where it is written, for messages. */
  serviceAccount(item: TreeNode, index: number, where = `${this.path} iam.serviceAccounts[${index}]`): void {
    if (item.kind !== 'object') return
    const metadata = child(item, 'metadata')
    const nameNode = child(metadata, 'name')
    const name = valueOf(nameNode)
    if (!name || !nameNode) return
    const namespaceNode = child(metadata, 'namespace')
    const namespace = valueOf(namespaceNode) ?? known('default', nameNode.location)
    const described = `${valueText(namespace)}/${valueText(name)}`
    const facts = this.result.facts
    const attachRoleArn = valueOf(child(item, 'attachRoleARN'))
    let roleArn: Value | undefined = attachRoleArn
    if (!attachRoleArn) {
      const reference = `${this.base}.iam_service_account["${described}"].role_arn`
      const subjectPattern = child(item, 'subjectPattern')
      const subject = subjectPattern && scalarText(subjectPattern) !== undefined ? subjectPattern : nameNode
      const role = this.role(item, {
        stack: `eksctl-${this.clusterName}-addon-iamserviceaccount-${valueText(namespace)}-${valueText(name)}`,
        label: `ServiceAccount ${described}`,
        origin: `the role eksctl creates for ServiceAccount ${described} (${where})`,
        reference,
        trust: this.webIdentityTrust(item.location, namespace, subject, subject === subjectPattern),
      })
      this.addPermissions(role, item, 'attachPolicy', ['attachPolicyARNs', 'wellKnownPolicies'])
      ;(facts.roles ??= []).push(role)
      roleArn = symbolic(reference, item.location)
    }
    if (scalarText(child(item, 'roleOnly')) === 'true') return
    const location = entry(metadata, 'name')!.keyLocation
    const annotations = this.annotations(child(metadata, 'annotations'))
    const sa: ServiceAccount = { source: 'eksctl', namespace, name, location, annotations }
    if (roleArn) {
      sa.roleArn = roleArn
      annotations.push({
        key: ROLE_ARN_ANNOTATION,
        keyLocation: roleArn.location,
        value: roleArn,
        where: 'annotations',
      })
    }
    const audience = annotations.find((annotation) => annotation.key === AUDIENCE_ANNOTATION)
    if (audience) sa.audience = audience.value
    const stsRegionalEndpoints = annotations.find((annotation) => annotation.key === STS_REGIONAL_ENDPOINTS_ANNOTATION)
    if (stsRegionalEndpoints) sa.stsRegionalEndpoints = stsRegionalEndpoints.value
    ;(facts.serviceAccounts ??= []).push(sa)
  }

  private podIdentityAssociation(item: TreeNode, index: number): void {
    if (item.kind !== 'object') return
    const serviceAccountNode = child(item, 'serviceAccountName')
    const serviceAccount = valueOf(serviceAccountNode)
    if (!serviceAccount || !serviceAccountNode) return
    const namespace = valueOf(child(item, 'namespace')) ?? known('default', serviceAccountNode.location)
    const described = `${valueText(namespace)}/${valueText(serviceAccount)}`
    const facts = this.result.facts
    let roleArn = valueOf(child(item, 'roleARN'))
    if (!roleArn) {
      const reference = `${this.base}.pod_identity_association["${described}"].role_arn`
      const role = this.role(item, {
        stack: `eksctl-${this.clusterName}-podidentityrole-${valueText(namespace)}-${valueText(serviceAccount)}`,
        label: `Pod Identity association ${described}`,
        origin: `the role eksctl creates for the Pod Identity association ${described} (${this.path} iam.podIdentityAssociations[${index}])`,
        reference,
        trust: podIdentityTrust(item.location),
      })
      this.addPermissions(role, item, 'permissionPolicy', ['permissionPolicyARNs', 'wellKnownPolicies'])
      ;(facts.roles ??= []).push(role)
      roleArn = symbolic(reference, item.location)
    }
    const association: PodIdentityAssociation = {
      source: 'eksctl',
      location: item.location,
      namespace,
      serviceAccount,
      roleArn,
    }
    const clusterName = child(child(this.root, 'metadata'), 'name')
    if (this.clusterName !== undefined && clusterName)
      association.cluster = known(this.clusterName, clusterName.location)
    const disableSessionTags = valueOf(child(item, 'disableSessionTags'))
    if (disableSessionTags) association.disableSessionTags = disableSessionTags
    // eksctl v0.230.0 pkg/apis/eksctl.io/v1alpha5/iam.go: `targetRoleARN`, the role chained to `roleARN`.
    const targetRoleArn = valueOf(child(item, 'targetRoleARN'))
    if (targetRoleArn) association.targetRoleArn = targetRoleArn
    ;(facts.podIdentityAssociations ??= []).push(association)
    if (scalarText(child(item, 'createServiceAccount')) === 'true') {
      ;(facts.serviceAccounts ??= []).push({
        source: 'eksctl',
        namespace,
        name: serviceAccount,
        location: serviceAccountNode.location,
        annotations: [],
      })
    }
  }

  private role(
    item: ObjectNode,
    how: { stack: string; label: string; origin: string; reference: string; trust: TreeNode },
  ): Role {
    const location = item.location
    const read = readPolicyDocument(how.trust, how.origin)
    this.result.findings.push(...read.findings)
    const role: Role = {
      source: 'eksctl',
      location,
      label: '',
      arnReferences: [how.reference],
      trustPolicy: read.document,
    }
    const roleName = valueOf(child(item, 'roleName'))
    if (roleName) {
      role.name = roleName
      role.label = `role ${valueText(roleName)} (eksctl, ${how.label}, ${this.path})`
    } else {
      // CloudFormation names the role after the stack and the logical ID, cutting the name to fit 64 characters.
      const prefix = `${how.stack}-Role1-`
      role.generatedName = {
        prefix:
          prefix.length + GENERATED_SUFFIX_LENGTH <= MAX_ROLE_NAME && this.clusterName !== undefined
            ? known(prefix, location)
            : symbolic(`${prefix}…`, location),
        location,
      }
      role.label = `the role eksctl creates for ${how.label} (${this.path})`
    }
    return role
  }

  private addPermissions(role: Role, item: ObjectNode, inline: string, attached: readonly string[]): void {
    const permissions: RolePermissions = { complete: true, statements: [] }
    const document = child(item, inline)
    if (document) addPermissionDocument(permissions, document)
    let count = document ? 1 : 0
    for (const key of attached) {
      const node = child(item, key)
      if (!node) continue
      if (key.endsWith('ARNs') && node.kind === 'array')
        for (const arn of node.items) {
          const value = valueOf(arn)
          if (value) (role.managedPolicyArns ??= []).push({ arn: value, location: arn.location })
        }
      const size =
        node.kind === 'array'
          ? node.items.length
          : node.kind === 'object'
            ? node.entries.filter((flag) => scalarText(flag.value) === 'true').length
            : 0
      if (size > 0) permissions.complete = false
      count += size
    }
    role.permissions = permissions
    role.permissionPolicyCount = count
  }

  /**
   * The trust eksctl generates (pkg/iam/oidc/api.go): the cluster's provider, StringEquals on
   * `<issuer>:sub` = `system:serviceaccount:<namespace>:<name>` and `<issuer>:aud` =
   * sts.amazonaws.com; with `subjectPattern`, StringLike on the sub.
   */
  private webIdentityTrust(location: Location, namespace: Value, subject: TreeNode, pattern: boolean): TreeNode {
    const issuer = this.configured?.issuer ? issuerHostPath(this.configured.issuer).replace(/\/+$/, '') : undefined
    const key = (claim: string): ObjectEntry => {
      if (issuer) return { key: `${issuer}:${claim}`, keyLocation: location, value: scalar('', location) }
      const expression = `\${${this.base}.oidc_provider}:${claim}`
      return {
        key: expression,
        keyLocation: location,
        keyValue: symbolic(expression, location),
        value: scalar('', location),
      }
    }
    const subjectText = scalarText(subject)
    const namespaceText = valueText(namespace)
    const subjectName = subjectText ?? (subject.kind === 'scalar' ? valueText(subject.value) : '')
    const subjectValue: ScalarNode =
      subjectText !== undefined && namespace.kind === 'known'
        ? scalar(serviceAccountSubject(namespaceText, subjectText), subject.location)
        : {
            kind: 'scalar',
            location: subject.location,
            value: symbolic(serviceAccountSubject(namespaceText, subjectName), subject.location),
            type: 'unknown',
          }
    const sub = { ...key('sub'), value: subjectValue }
    const aud = { ...key('aud'), value: scalar(DEFAULT_AUDIENCE, location) }
    const conditions: ObjectEntry[] = pattern
      ? [
          { key: 'StringLike', keyLocation: location, value: object(location, [sub]) },
          { key: 'StringEquals', keyLocation: location, value: object(location, [aud]) },
        ]
      : [{ key: 'StringEquals', keyLocation: location, value: object(location, [sub, aud]) }]
    const federated: ScalarNode = {
      kind: 'scalar',
      location,
      value: symbolic(this.providerReference(), location),
      type: 'unknown',
    }
    return policy(location, [
      ['Effect', scalar('Allow', location)],
      ['Principal', object(location, [field('Federated', federated, location)])],
      ['Action', { kind: 'array', location, items: [scalar('sts:AssumeRoleWithWebIdentity', location)] }],
      ['Condition', object(location, conditions)],
    ])
  }

  private annotations(node: TreeNode | undefined): Annotation[] {
    if (node?.kind !== 'object') return []
    return node.entries.flatMap((item) =>
      item.value.kind === 'scalar' && item.key !== ROLE_ARN_ANNOTATION
        ? [{ key: item.key, keyLocation: item.keyLocation, value: item.value.value, where: 'annotations' as const }]
        : [],
    )
  }
}

/** The trust eksctl gives a role it creates for Pod Identity: the EKS service principal may assume and tag. */
function podIdentityTrust(location: Location): TreeNode {
  return policy(location, [
    ['Effect', scalar('Allow', location)],
    ['Principal', object(location, [field('Service', scalar(POD_IDENTITY_PRINCIPAL, location), location)])],
    [
      'Action',
      { kind: 'array', location, items: [scalar('sts:AssumeRole', location), scalar('sts:TagSession', location)] },
    ],
  ])
}

function policy(location: Location, statement: [string, TreeNode][]): TreeNode {
  return object(location, [
    field('Version', scalar('2012-10-17', location), location),
    field(
      'Statement',
      {
        kind: 'array',
        location,
        items: [
          object(
            location,
            statement.map(([key, value]) => field(key, value, location)),
          ),
        ],
      },
      location,
    ),
  ])
}

function object(location: Location, entries: ObjectEntry[]): ObjectNode {
  return { kind: 'object', location, entries }
}

function field(key: string, value: TreeNode, location: Location): ObjectEntry {
  return { key, keyLocation: location, value }
}

function scalar(value: string, location: Location): ScalarNode {
  return { kind: 'scalar', location, value: known(value, location), type: 'string' }
}

/** A scalar's value; an empty or non-scalar node is absent. */
function valueOf(node: TreeNode | undefined): Value | undefined {
  if (node?.kind !== 'scalar' || node.type === 'null') return undefined
  if (node.value.kind === 'known' && node.value.value === '') return undefined
  return node.value
}

const SHELL_EXPANSION = /\$(\{[^}]*\}|\([^)]*\)|[A-Za-z_][A-Za-z0-9_]*)|`/

/** Scalars with a shell expansion become symbolic (their text the expression), in place. */
function markShellExpansions(node: TreeNode, scope: string, depth = 0): void {
  if (depth > 100) return
  if (node.kind === 'scalar') {
    if (node.value.kind === 'known' && SHELL_EXPANSION.test(node.value.value)) {
      // Named as the script reader names a word: `${NAME}` and `$NAME` alone → NAME.
      const whole = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(node.value.value)
      node.value = symbolic(`${whole ? (whole[1] ?? whole[2]!) : node.value.value} @${scope}`, node.value.location)
      node.type = 'unknown'
    }
  } else if (node.kind === 'array') {
    for (const item of node.items) markShellExpansions(item, scope, depth + 1)
  } else {
    for (const item of node.entries) markShellExpansions(item.value, scope, depth + 1)
  }
}
