import type {
  Cluster,
  EksAddon,
  FargateProfile,
  FargateSelector,
  NodeGroup,
  PodIdentityAssociation,
  TerraformResourceRef,
} from '../../../model/facts.js'
import { parseRoleArn } from '../../../iam/arn.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic, type Value } from '../../../model/value.js'
import type { BlockView } from '../block-view.js'
import type { FactSink, ResourceContext } from '../context.js'
import { eksIssuer } from '../computed.js'
import { expressionOf, objectGet, printValue, scalarString, toFactValue, type HclValue } from '../values.js'
import { creatorText } from '../../shared/creator-text.js'
import { present } from './iam.js'
import { addServiceAccount } from './service-accounts.js'
import { ROLE_ARN_ANNOTATION } from '../../../model/kubernetes.js'
import { addonServiceAccounts } from '../../../model/eks-addons.js'

/** `resource "aws_eks_cluster"` and its data source: the cluster, its issuer known only at apply time. */
export function readEksCluster({ view, address, root, sink, awsRegion, awsAccount }: ResourceContext): void {
  const cluster: Cluster = {
    source: 'terraform',
    location: view.location,
    terraform: { root, address },
    name: toFactValue(present(view.value('name'))) ?? symbolic(`${address}.name`, view.location),
    issuer: symbolic(expressionOf(eksIssuer(address, view.location)), view.location),
    oidcReferences: [`${address}.identity`],
  }
  const version = toFactValue(present(view.value('version')))
  if (version) cluster.version = version
  // The default aws provider's region, unless the block names another provider (`provider = aws.other`).
  if (awsRegion && view.attribute('provider') === undefined) cluster.region = known(awsRegion.value, awsRegion.location)
  // A dynamic block over a collection the scan cannot read may make no block at all.
  const outpost = view.blocks('outpost_config').find((block) => !block.unknownExpansion)
  if (outpost) cluster.outpost = outpost.location
  // The cluster role is in the cluster's account.
  const roleArn = toFactValue(present(view.value('role_arn')))
  const account = roleArn?.kind === 'known' ? parseRoleArn(roleArn.value.trim())?.account : undefined
  if (roleArn && account) cluster.account = known(account, roleArn.location)
  else if (awsAccount && view.attribute('provider') === undefined)
    cluster.account = known(awsAccount.value, awsAccount.location)
  const compute = view.blocks('compute_config')[0]
  const autoMode = compute ? toFactValue(present(compute.value('enabled'))) : undefined
  if (autoMode) cluster.autoMode = autoMode
  sink.facts.clusters.push(cluster)
}

/** `resource "aws_eks_node_group"`: its cluster, `node_role_arn`, and `ami_type` (`WINDOWS_…`). */
export function readNodeGroup({ view, address, root, sink }: ResourceContext): void {
  const group: NodeGroup = {
    source: 'terraform',
    location: view.location,
    label: `node group ${address}`,
    terraform: { root, address },
  }
  const cluster = toFactValue(present(view.value('cluster_name')))
  if (cluster) group.cluster = cluster
  const role = toFactValue(present(view.value('node_role_arn')))
  if (role) group.roleArn = role
  const amiType = toFactValue(present(view.value('ami_type')))
  if (amiType?.kind === 'known' && /^WINDOWS_/i.test(amiType.value)) group.windows = true
  ;(sink.facts.nodeGroups ??= []).push(group)
}

/** `resource "aws_eks_fargate_profile"`: its `selector` blocks (namespace, labels). */
export function readFargateProfile({ view, address, root, sink }: ResourceContext): void {
  const selectors: FargateSelector[] = []
  for (const selector of view.blocks('selector')) {
    if (selector.unknownExpansion) continue
    const read = fargateSelector(selector.value('namespace'), selector.value('labels'), selector.location)
    if (read) selectors.push(read)
  }
  addFargateProfile(sink, {
    location: view.location,
    label: address,
    cluster: present(view.value('cluster_name')),
    podExecutionRoleArn: present(view.value('pod_execution_role_arn')),
    selectors,
    terraform: { root, address },
  })
}

/** One Fargate selector from its namespace and labels values (a resource's `selector` block, a module's `selectors` item). */
export function fargateSelector(
  namespace: HclValue | undefined,
  labels: HclValue | undefined,
  location: Location,
): FargateSelector | undefined {
  const namespaceValue = toFactValue(present(namespace))
  if (!namespaceValue) return undefined
  const selector: FargateSelector = { location, namespace: namespaceValue, labels: [] }
  const written = present(labels)
  if (written?.kind === 'object') {
    for (const entry of written.entries) {
      const value = toFactValue(entry.value)
      if (entry.keyValue !== undefined || !value) selector.labelsUnknown = true
      else selector.labels.push({ key: entry.key, value })
    }
  } else if (written) {
    selector.labelsUnknown = true
  }
  return selector
}

interface FargateProfileFields {
  location: Location
  label: string
  cluster?: HclValue | undefined
  podExecutionRoleArn?: HclValue | undefined
  selectors: FargateSelector[]
  terraform: TerraformResourceRef
}

export function addFargateProfile(sink: FactSink, fields: FargateProfileFields): void {
  const profile: FargateProfile = {
    source: 'terraform',
    location: fields.location,
    label: fields.label,
    selectors: fields.selectors,
    terraform: fields.terraform,
  }
  const cluster = toFactValue(fields.cluster)
  if (cluster) profile.cluster = cluster
  const role = toFactValue(fields.podExecutionRoleArn)
  if (role) profile.podExecutionRoleArn = role
  ;(sink.facts.fargateProfiles ??= []).push(profile)
}

/** `resource "aws_eks_addon"`: the add-on's ServiceAccounts annotated with `service_account_role_arn`, and its Pod Identity associations. */
export function readEksAddon({ view, address, root, sink }: ResourceContext): void {
  const name = present(view.value('addon_name'))
  const location = view.attribute('addon_name')?.location ?? view.location
  const terraform = { root, address }
  addEksAddon(sink, { location, cluster: present(view.value('cluster_name')), name, terraform })
  addAddonServiceAccounts(
    sink,
    name,
    present(view.value('service_account_role_arn')),
    view.attribute('service_account_role_arn')?.location,
    location,
    { fromLine: view.location.line, toLine: view.block.endLine },
    terraform,
    view.blocks('namespace_config')[0]?.value('namespace'),
  )
  for (const association of view.blocks('pod_identity_association')) {
    const fixed = name ? addonServiceAccounts(scalarString(name) ?? '')?.[0] : undefined
    addPodIdentity(sink, {
      location: association.location,
      cluster: present(view.value('cluster_name')),
      namespace: fixed ? known(fixed.namespace, association.location) : undefined,
      serviceAccount: present(association.value('service_account')),
      roleArn: present(association.value('role_arn')),
      terraform,
    })
  }
}

/** An add-on of a cluster; its name symbolic when not known. */
export function addEksAddon(
  sink: FactSink,
  fields: {
    location: Location
    cluster: HclValue | undefined
    name: HclValue | undefined
    terraform: TerraformResourceRef
  },
): void {
  const addon: EksAddon = {
    source: 'terraform',
    location: fields.location,
    name: toFactValue(fields.name) ?? symbolic(`${fields.terraform.address}.addon_name`, fields.location),
    terraform: fields.terraform,
  }
  const cluster = toFactValue(fields.cluster)
  if (cluster) addon.cluster = cluster
  sink.facts.eksAddons.push(addon)
}

/**
 * The ServiceAccounts of an add-on (by its name) annotated with a role, as the add-on creates
 * them; `roleArnLocation` is where the role is written.
 */
export function addAddonServiceAccounts(
  sink: FactSink,
  name: HclValue | undefined,
  roleArn: HclValue | undefined,
  roleArnLocation: Location | undefined,
  location: Location,
  span: { fromLine: number; toLine: number },
  terraform: TerraformResourceRef,
  /** `namespace_config { namespace }`: the add-on installed in another namespace than its own. */
  namespace?: HclValue,
): void {
  const addon = name ? scalarString(name) : undefined
  const accounts = addon ? addonServiceAccounts(addon) : undefined
  if (!roleArn) return
  if (!accounts) {
    // EKS annotates the add-on's ServiceAccounts, whose names the table does not know, with the role.
    ;(sink.facts.serviceAccountCreators ??= []).push({
      source: 'terraform',
      label: terraform.address,
      location,
      text: creatorText(printValue(roleArn)),
      terraform,
    })
    return
  }
  const value = toFactValue(roleArn)
  if (!value || addon === undefined) return
  const namespaceOverride = toFactValue(present(namespace))
  for (const account of accounts) {
    addServiceAccount(sink, {
      namespace: namespaceOverride ?? known(account.namespace, location),
      name: known(account.name, location),
      location,
      annotations: [
        { key: ROLE_ARN_ANNOTATION, keyLocation: roleArnLocation ?? location, value, where: 'annotations' },
      ],
      span,
      addon,
      terraform,
    })
  }
}

/** `resource "aws_eks_pod_identity_association"`. */
export function readPodIdentityAssociation({ view, address, root, sink }: ResourceContext): void {
  addPodIdentity(sink, {
    location: view.location,
    terraform: { root, address },
    cluster: present(view.value('cluster_name')),
    namespace: present(view.value('namespace')),
    serviceAccount: present(view.value('service_account')),
    roleArn: present(view.value('role_arn')),
    targetRoleArn: present(view.value('target_role_arn')),
    disableSessionTags: present(view.value('disable_session_tags')),
  })
}

interface PodIdentityFields {
  location: Location
  cluster?: HclValue | undefined
  namespace?: HclValue | Value | undefined
  serviceAccount?: HclValue | undefined
  roleArn?: HclValue | undefined
  targetRoleArn?: HclValue | undefined
  disableSessionTags?: HclValue | undefined
  terraform?: TerraformResourceRef
}

export function addPodIdentity(sink: FactSink, fields: PodIdentityFields): void {
  const asValue = (value: HclValue | Value | undefined, what: string): Value => {
    if (value && (value.kind === 'known' || value.kind === 'symbolic')) return value
    return toFactValue(value) ?? symbolic(`pod identity association ${what}`, fields.location)
  }
  const association: PodIdentityAssociation = {
    source: 'terraform',
    location: fields.location,
    namespace: asValue(fields.namespace, 'namespace'),
    serviceAccount: asValue(fields.serviceAccount, 'service_account'),
    roleArn: asValue(fields.roleArn, 'role_arn'),
  }
  const cluster = toFactValue(fields.cluster)
  if (cluster) association.cluster = cluster
  const targetRoleArn = toFactValue(fields.targetRoleArn)
  if (targetRoleArn) association.targetRoleArn = targetRoleArn
  const disableSessionTags = toFactValue(fields.disableSessionTags)
  if (disableSessionTags) association.disableSessionTags = disableSessionTags
  if (fields.terraform) association.terraform = fields.terraform
  sink.facts.podIdentityAssociations.push(association)
}

/** An add-on entry of the EKS module's `cluster_addons`/`addons` map. */
export function readModuleAddon(
  sink: FactSink,
  key: string,
  keyLocation: Location,
  settings: HclValue,
  module: BlockView,
  terraform: TerraformResourceRef,
): void {
  const name = objectGet(settings, 'name') ?? { kind: 'string' as const, value: key, location: keyLocation }
  const cluster = present(module.value('cluster_name')) ?? present(module.value('name'))
  addEksAddon(sink, { location: keyLocation, cluster, name, terraform })
  const roleArn = present(objectGet(settings, 'service_account_role_arn'))
  addAddonServiceAccounts(
    sink,
    name,
    roleArn,
    roleArn?.location,
    keyLocation,
    { fromLine: module.location.line, toLine: module.block.endLine },
    terraform,
  )
  const associations = objectGet(settings, 'pod_identity_association')
  const fixed = addonServiceAccounts(scalarString(name) ?? '')?.[0]
  if (associations?.kind !== 'tuple') return
  for (const association of associations.items) {
    addPodIdentity(sink, {
      location: association.location,
      cluster,
      namespace: fixed ? known(fixed.namespace, association.location) : undefined,
      serviceAccount: present(objectGet(association, 'service_account')),
      roleArn: present(objectGet(association, 'role_arn')),
      terraform,
    })
  }
}
