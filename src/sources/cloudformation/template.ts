import type {
  Annotation,
  Cluster,
  EksAddon,
  FargateProfile,
  FargateSelector,
  NodeGroup,
  OidcProvider,
  PodIdentityAssociation,
  Role,
  RolePermissions,
  ServiceAccount,
} from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import type { PolicyDocument } from '../../model/policy.js'
import { child, entry, scalarText, type ObjectEntry, type ObjectNode, type TreeNode } from '../../model/tree.js'
import { known, symbolic, type Value, valueText } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { addPermissionDocument } from '../shared/permission-policy.js'
import { readPolicyDocument } from '../shared/policy-document.js'
import { emptyResult, type SourceResult } from '../source.js'
import { markPrivateNetwork } from './network.js'
import {
  IntrinsicEvaluator,
  exportReference,
  isIntrinsic,
  parseJsonWithHoles,
  resourceReference,
  templatePartition,
  type TemplateResource,
  type TemplateScope,
} from './intrinsics.js'
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION } from '../../model/kubernetes.js'
import { addonServiceAccounts } from '../../model/eks-addons.js'
import { parseRoleArn } from '../../iam/arn.js'

/**
 * One CloudFormation reader for JSON and YAML templates (and CDK's `cdk.out/*.template.json`):
 * `AWS::IAM::Role` (trust, name or generated name, path, permission policies),
 * `AWS::IAM::OIDCProvider`, `AWS::EKS::Cluster`, `AWS::EKS::PodIdentityAssociation`, and what CDK
 * writes for them (its OIDC provider custom resource, CfnJson conditions, ServiceAccount manifests).
 * Also reads a lone `{"Type": "AWS::IAM::Role", "Properties": …}` resource.
 */
export function readCloudFormation(root: TreeNode, path: string): SourceResult {
  const result = emptyResult()
  if (root.kind !== 'object') return result
  const scope = scopeOf(root, path)
  if (scope.resources.size === 0) return result
  new TemplateReader(scope, result).read(root)
  return result
}

/** A template (typed `Resources`, or the format version) or a lone typed resource. */
export function isCloudFormation(root: TreeNode): boolean {
  if (root.kind !== 'object') return false
  if (child(root, 'AWSTemplateFormatVersion')) return true
  const resources = child(root, 'Resources')
  if (
    resources?.kind === 'object' &&
    resources.entries.some((item) => isResourceType(scalarText(child(item.value, 'Type'))))
  )
    return true
  return isResourceType(scalarText(child(root, 'Type'))) && child(root, 'Properties')?.kind === 'object'
}

function isResourceType(type: string | undefined): boolean {
  return type !== undefined && /^(AWS|Custom)::/.test(type)
}

function scopeOf(root: ObjectNode, path: string): TemplateScope {
  const resources = new Map<string, TemplateResource>()
  const parameters = new Map<string, ObjectNode>()
  const addResource = (logicalId: string, node: TreeNode, keyLocation: Location): void => {
    const type = scalarText(child(node, 'Type'))
    if (node.kind !== 'object' || type === undefined) return
    const properties = child(node, 'Properties')
    resources.set(logicalId, {
      logicalId,
      type,
      node,
      keyLocation,
      ...(properties?.kind === 'object' ? { properties } : {}),
    })
  }
  const section = child(root, 'Resources')
  if (section?.kind === 'object')
    for (const item of section.entries) addResource(item.key, item.value, item.keyLocation)
  else if (child(root, 'Type')) addResource('', root, root.location)
  const parameterSection = child(root, 'Parameters')
  if (parameterSection?.kind === 'object')
    for (const item of parameterSection.entries) if (item.value.kind === 'object') parameters.set(item.key, item.value)
  const mappings = child(root, 'Mappings')
  const conditions = child(root, 'Conditions')
  const partition = templatePartition(root)
  return {
    path,
    parameters,
    resources,
    ...(mappings?.kind === 'object' ? { mappings } : {}),
    ...(conditions?.kind === 'object' ? { conditions } : {}),
    ...(partition !== undefined ? { partition } : {}),
  }
}

class TemplateReader {
  private readonly evaluator: IntrinsicEvaluator
  private readonly roles = new Map<string, Role>()
  private readonly providers = new Map<string, OidcProvider>()
  private readonly managedPoliciesRead = new Map<Role, Set<string>>()
  /** Managed policies attached to each role whose documents the template does not hold. */
  private readonly managedPoliciesUnread = new Map<Role, Value[]>()

  constructor(
    private readonly scope: TemplateScope,
    private readonly result: SourceResult,
  ) {
    this.evaluator = new IntrinsicEvaluator(scope)
  }

  read(root: ObjectNode): void {
    const facts = this.result.facts
    for (const resource of this.scope.resources.values()) {
      switch (resource.type) {
        case 'AWS::IAM::Role': {
          const role = this.role(resource)
          if (role) this.roles.set(resource.logicalId, role)
          break
        }
        case 'AWS::IAM::OIDCProvider':
        case 'Custom::AWSCDKOpenIdConnectProvider':
          this.providers.set(resource.logicalId, this.provider(resource))
          break
        case 'AWS::EKS::Cluster': {
          const cluster = this.cluster(resource)
          markPrivateNetwork(cluster, resource, this.scope, root, (node) => this.value(node))
          ;(facts.clusters ??= []).push(cluster)
          break
        }
        case 'AWS::EKS::FargateProfile':
          ;(facts.fargateProfiles ??= []).push(this.fargateProfile(resource))
          break
        case 'AWS::EKS::PodIdentityAssociation': {
          const association = this.podIdentityAssociation(resource)
          if (association) (facts.podIdentityAssociations ??= []).push(association)
          break
        }
        case 'AWS::EKS::Addon':
          this.addonServiceAccounts(resource)
          this.addon(resource)
          break
        case 'AWS::EKS::Nodegroup':
          ;(facts.nodeGroups ??= []).push(this.nodeGroup(resource))
          break
        case 'Custom::AWSCDK-EKS-KubernetesResource':
          this.manifestServiceAccounts(resource)
          break
      }
    }
    this.attachPolicyResources()
    for (const [role, unread] of this.managedPoliciesUnread) {
      if (!role.permissions) continue
      if (role.permissions.complete) role.permissions.unreadManagedPolicies = unread
      role.permissions.complete = false
    }
    this.exports(root)
    if (this.roles.size > 0) (facts.roles ??= []).push(...this.roles.values())
    if (this.providers.size > 0) (facts.oidcProviders ??= []).push(...this.providers.values())
  }

  private value(node: TreeNode | undefined): Value | undefined {
    if (!node) return undefined
    const evaluated = this.evaluator.evaluate(node)
    return evaluated?.kind === 'scalar' && evaluated.type !== 'null' ? evaluated.value : undefined
  }

  /** A `ClusterName`: a `Ref` to a cluster of this template with a literal `Name` is that name. */
  private clusterName(node: TreeNode | undefined): Value | undefined {
    const value = this.value(node)
    if (value?.kind !== 'symbolic') return value
    const prefix = resourceReference(this.scope, '')
    const cluster = value.expression.startsWith(prefix)
      ? this.scope.resources.get(value.expression.slice(prefix.length))
      : undefined
    const name = cluster?.type === 'AWS::EKS::Cluster' ? this.value(child(cluster.properties, 'Name')) : undefined
    return name?.kind === 'known' ? known(name.value, value.location) : value
  }

  private values(node: TreeNode | undefined): Value[] {
    if (!node) return []
    const evaluated = this.evaluator.evaluate(node)
    if (evaluated?.kind === 'array')
      return evaluated.items.flatMap((item) => (item.kind === 'scalar' && item.type !== 'null' ? [item.value] : []))
    return evaluated?.kind === 'scalar' && evaluated.type !== 'null' ? [evaluated.value] : []
  }

  private role(resource: TemplateResource): Role | undefined {
    const properties = resource.properties
    const document = child(properties, 'AssumeRolePolicyDocument')
    if (!properties || !document) return undefined
    const { logicalId, keyLocation: location } = resource
    const path = this.scope.path
    const origin = logicalId ? `${logicalId} in ${path}` : path
    const role: Role = {
      source: 'cloudformation',
      location,
      label: '',
      arnReferences: logicalId ? [resourceReference(this.scope, logicalId, 'Arn')] : [],
    }
    const trust = this.trustPolicy(document, origin)
    if (trust) role.trustPolicy = trust
    const name = this.value(child(properties, 'RoleName'))
    if (name) role.name = name
    else role.generatedName = { prefix: symbolic(`\${AWS::StackName}-${logicalId || 'Role'}-`, location), location }
    const rolePath = this.value(child(properties, 'Path'))
    if (rolePath) role.path = rolePath
    role.permissions = this.inlinePermissions(properties)
    const managed = this.values(child(properties, 'ManagedPolicyArns'))
    const policies = child(properties, 'Policies')
    role.permissionPolicyCount = managed.length + (policies?.kind === 'array' ? policies.items.length : 0)
    const managedNode = child(properties, 'ManagedPolicyArns')
    const managedItems = managedNode?.kind === 'array' ? managedNode.items : []
    // A list the scan cannot read item by item (a parameter, a condition) attaches what it may.
    if (managedNode && (managedNode.kind !== 'array' || managed.length !== managedItems.length))
      role.permissions.complete = false
    for (const arn of managed) this.addManagedPolicy(role, arn)
    role.label = labelOf(name, logicalId, path)
    return role
  }

  /** The trust policy as IAM will get it; intrinsic functions in condition keys are reported (CloudFormation never evaluates them). */
  private trustPolicy(document: TreeNode, origin: string): PolicyDocument | undefined {
    const flagged = this.flagIntrinsicKeys(document, origin)
    const evaluated = this.evaluator.evaluate(flagged)
    if (!evaluated) return undefined
    let tree: TreeNode | undefined = evaluated
    if (evaluated.kind === 'scalar') {
      if (evaluated.type === 'null' || (evaluated.type !== 'string' && evaluated.value.kind === 'known')) {
        const what =
          evaluated.type === 'null'
            ? 'null'
            : `the ${evaluated.type} ${evaluated.value.kind === 'known' ? evaluated.value.value : ''}`
        this.invalidDocument(origin, evaluated.location, `it is ${what}, not a policy object or a JSON string`)
        return undefined
      }
      if (evaluated.value.kind === 'known') {
        const parsed = parseJsonTree(this.scope.path, evaluated.value.value.trim(), {
          fixedLocation: evaluated.location,
        })
        if (!parsed.ok) {
          this.invalidDocument(origin, evaluated.location, `the JSON in the string is invalid: ${parsed.message}`)
          return undefined
        }
        tree = parsed.root
      } else {
        // A reference, or JSON with deploy-time holes (a whole-document Fn::Sub, CDK's CfnJson).
        tree = parseJsonWithHoles(this.scope.path, evaluated, evaluated.location)
        if (!tree) return undefined
      }
    }
    const read = readPolicyDocument(tree, origin)
    this.result.findings.push(...read.findings)
    return read.document
  }

  private invalidDocument(origin: string, location: Location, why: string): void {
    this.result.findings.push({
      ruleId: 'trust-policy-invalid',
      location,
      message: `The AssumeRolePolicyDocument of ${origin} cannot be read: ${why}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`,
      key: `document-string ${origin}`,
    })
  }

  /**
   * Condition keys written with an intrinsic function (`!Sub "${Issuer}:sub": …`) or with `${…}`
   * outside a Fn::Sub string: reported, and marked as unknown so that no other rule reads them.
   */
  private flagIntrinsicKeys(document: TreeNode, origin: string): TreeNode {
    if (document.kind !== 'object' || isIntrinsic(document)) return document
    const statementEntry = entry(document, 'Statement')
    if (!statementEntry) return document
    const statements = statementEntry.value
    const items = statements.kind === 'array' ? statements.items : [statements]
    const flaggedItems = items.map((statement) => {
      const condition =
        statement.kind === 'object' && !isIntrinsic(statement) ? entry(statement, 'Condition') : undefined
      if (!condition || condition.value.kind !== 'object' || isIntrinsic(condition.value)) return statement
      const operators = condition.value.entries.map((operator) => {
        if (operator.value.kind !== 'object' || isIntrinsic(operator.value)) return operator
        return {
          ...operator,
          value: {
            ...operator.value,
            entries: operator.value.entries.map((key) => this.flagKey(key, operator.key, origin)),
          },
        }
      })
      const flaggedCondition: ObjectEntry = { ...condition, value: { ...condition.value, entries: operators } }
      return {
        ...statement,
        entries: (statement as ObjectNode).entries.map((item) => (item === condition ? flaggedCondition : item)),
      } as TreeNode
    })
    const flaggedStatements: TreeNode =
      statements.kind === 'array' ? { ...statements, items: flaggedItems } : flaggedItems[0]!
    return {
      ...document,
      entries: document.entries.map((item) => (item === statementEntry ? { ...item, value: flaggedStatements } : item)),
    }
  }

  private flagKey(key: ObjectEntry, operator: string, origin: string): ObjectEntry {
    const tagged =
      key.keyValue?.kind === 'symbolic' ? /^(Ref|Fn::[A-Za-z]+)\(/.exec(key.keyValue.expression)?.[1] : undefined
    if (tagged === undefined && !key.key.includes('${')) return key
    const fix =
      'write the whole AssumeRolePolicyDocument as one Fn::Sub JSON string (keys and values substituted alike), use CDK CfnJson, or write the issuer host and path out in the key'
    const message =
      tagged !== undefined
        ? `Condition key ${tagged === 'Ref' ? '!Ref' : `!${tagged.slice(4)}`} "${key.key}" under ${operator} in ${origin} is an intrinsic function used as a map key, which CloudFormation rejects ("Template format error"); ${fix}`
        : `Condition key "${key.key}" under ${operator} in ${origin} holds "\${…}" outside a Fn::Sub string: CloudFormation substitutes nothing in map keys, so IAM gets the literal text and no token ever carries that key; ${fix}`
    this.result.findings.push({
      ruleId: 'condition-key-invalid',
      location: key.keyLocation,
      message,
      key: `cfn-intrinsic-key ${origin} ${operator}:${key.key}`,
    })
    return { ...key, keyValue: key.keyValue?.kind === 'symbolic' ? key.keyValue : symbolic(key.key, key.keyLocation) }
  }

  private inlinePermissions(properties: ObjectNode): RolePermissions {
    const permissions: RolePermissions = { complete: true, statements: [] }
    const policies = this.evaluator.evaluate(
      child(properties, 'Policies') ?? { kind: 'array', location: properties.location, items: [] },
    )
    if (policies && policies.kind !== 'array') permissions.complete = false
    for (const policy of policies?.kind === 'array' ? policies.items : [])
      this.addDocument(permissions, child(policy, 'PolicyDocument'))
    return permissions
  }

  /** A managed policy of this template is read (once: it may also name the role in its `Roles`); any other ARN's document is unknown. */
  private addManagedPolicy(role: Role, arn: Value): void {
    ;(role.managedPolicyArns ??= []).push({ arn, location: arn.location })
    const permissions = role.permissions!
    const prefix = resourceReference(this.scope, '')
    const logicalId =
      arn.kind === 'symbolic' && arn.expression.startsWith(prefix) ? arn.expression.slice(prefix.length) : undefined
    const policy = logicalId !== undefined ? this.scope.resources.get(logicalId) : undefined
    if (policy?.type !== 'AWS::IAM::ManagedPolicy') {
      const unread = this.managedPoliciesUnread.get(role) ?? []
      unread.push(arn)
      this.managedPoliciesUnread.set(role, unread)
      return
    }
    const read = this.managedPoliciesRead.get(role) ?? new Set<string>()
    this.managedPoliciesRead.set(role, read)
    if (read.has(policy.logicalId)) return
    read.add(policy.logicalId)
    this.addDocument(permissions, child(policy.properties, 'PolicyDocument'))
  }

  private addDocument(permissions: RolePermissions, document: TreeNode | undefined): void {
    addPermissionDocument(permissions, document ? this.evaluator.evaluate(document) : undefined)
  }

  /** `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` and `AWS::IAM::RolePolicy` that attach to a role of this template. */
  private attachPolicyResources(): void {
    for (const resource of this.scope.resources.values()) {
      if (!['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'].includes(resource.type)) continue
      const targets =
        resource.type === 'AWS::IAM::RolePolicy'
          ? this.values(child(resource.properties, 'RoleName'))
          : this.values(child(resource.properties, 'Roles'))
      for (const target of targets) {
        const role = this.roleNamed(target)
        if (!role?.permissions) continue
        if (resource.type === 'AWS::IAM::ManagedPolicy') {
          this.addManagedPolicy(role, symbolic(resourceReference(this.scope, resource.logicalId), resource.keyLocation))
        } else {
          this.addDocument(role.permissions, child(resource.properties, 'PolicyDocument'))
        }
        role.permissionPolicyCount = (role.permissionPolicyCount ?? 0) + 1
      }
    }
  }

  /** The role a `Ref` (its name) or a literal name points at. */
  private roleNamed(value: Value): Role | undefined {
    const prefix = resourceReference(this.scope, '')
    if (value.kind === 'symbolic')
      return value.expression.startsWith(prefix) ? this.roles.get(value.expression.slice(prefix.length)) : undefined
    return [...this.roles.values()].find((role) => role.name?.kind === 'known' && role.name.value === value.value)
  }

  private provider(resource: TemplateResource): OidcProvider {
    const properties = resource.properties
    const references = resource.logicalId
      ? [resourceReference(this.scope, resource.logicalId), resourceReference(this.scope, resource.logicalId, 'Arn')]
      : []
    const provider: OidcProvider = {
      source: 'cloudformation',
      location: resource.keyLocation,
      clientIds: [],
      arnReferences: references,
    }
    const url = this.value(child(properties, 'Url'))
    if (url) provider.url = url
    const clientIds = entry(properties, 'ClientIdList') ?? entry(properties, 'ClientIDList')
    if (clientIds) {
      provider.clientIds = this.values(clientIds.value)
      provider.clientIdsLocation = clientIds.keyLocation
    }
    const thumbprints = entry(properties, 'ThumbprintList')
    if (thumbprints) provider.thumbprints = this.values(thumbprints.value)
    return provider
  }

  private cluster(resource: TemplateResource): Cluster {
    const location = resource.keyLocation
    const name =
      this.value(child(resource.properties, 'Name')) ??
      symbolic(resourceReference(this.scope, resource.logicalId), location)
    const issuer = resourceReference(this.scope, resource.logicalId, 'OpenIdConnectIssuerUrl')
    const cluster: Cluster = {
      source: 'cloudformation',
      location,
      name,
      issuer: symbolic(issuer, location),
      oidcReferences: [issuer],
    }
    const version = this.value(child(resource.properties, 'Version'))
    if (version) cluster.version = version
    const outpost = entry(resource.properties, 'OutpostConfig')
    if (outpost?.value.kind === 'object') cluster.outpost = outpost.keyLocation
    // AWS::EKS::Cluster ComputeConfig.Enabled: EKS Auto Mode.
    const autoMode = this.value(child(child(resource.properties, 'ComputeConfig'), 'Enabled'))
    if (autoMode) cluster.autoMode = autoMode
    // The cluster role is in the cluster's account.
    const roleArn = this.value(child(resource.properties, 'RoleArn'))
    const account = roleArn?.kind === 'known' ? parseRoleArn(roleArn.value.trim())?.account : undefined
    if (roleArn && account) cluster.account = known(account, roleArn.location)
    return cluster
  }

  /** `AWS::EKS::FargateProfile`: `Selectors` (Namespace, Labels as Key/Value pairs). */
  private fargateProfile(resource: TemplateResource): FargateProfile {
    const properties = resource.properties
    const selectors: FargateSelector[] = []
    const written = this.evaluator.evaluate(
      child(properties, 'Selectors') ?? { kind: 'array', location: resource.keyLocation, items: [] },
    )
    for (const item of written?.kind === 'array' ? written.items : []) {
      const namespace = this.value(child(item, 'Namespace'))
      if (!namespace) continue
      const selector: FargateSelector = { location: item.location, namespace, labels: [] }
      const labels = child(item, 'Labels')
      if (labels?.kind === 'array') {
        for (const label of labels.items) {
          const key = scalarText(child(label, 'Key'))
          const value = this.value(child(label, 'Value'))
          if (key !== undefined && value) selector.labels.push({ key, value })
          else selector.labelsUnknown = true
        }
      } else if (labels) {
        selector.labelsUnknown = true
      }
      selectors.push(selector)
    }
    const profile: FargateProfile = {
      source: 'cloudformation',
      location: resource.keyLocation,
      label: `AWS::EKS::FargateProfile ${resource.logicalId}`,
      selectors,
    }
    const cluster = this.clusterName(child(properties, 'ClusterName'))
    if (cluster) profile.cluster = cluster
    const role = this.value(child(properties, 'PodExecutionRoleArn'))
    if (role) profile.podExecutionRoleArn = role
    return profile
  }

  /** `AWS::EKS::Addon`: the add-on, by `AddonName`, of the cluster `ClusterName`. */
  private addon(resource: TemplateResource): void {
    const name = this.value(child(resource.properties, 'AddonName'))
    if (!name) return
    const addon: EksAddon = {
      source: 'cloudformation',
      location: entry(resource.properties, 'AddonName')?.keyLocation ?? resource.keyLocation,
      name,
    }
    const cluster = this.clusterName(child(resource.properties, 'ClusterName'))
    if (cluster) addon.cluster = cluster
    ;(this.result.facts.eksAddons ??= []).push(addon)
  }

  /** `AWS::EKS::Nodegroup`: `ClusterName`, `NodeRole`, and `AmiType` (`WINDOWS_…`). */
  private nodeGroup(resource: TemplateResource): NodeGroup {
    const properties = resource.properties
    const group: NodeGroup = {
      source: 'cloudformation',
      location: resource.keyLocation,
      label: `AWS::EKS::Nodegroup ${resource.logicalId} (${this.scope.path})`,
    }
    const cluster = this.clusterName(child(properties, 'ClusterName'))
    if (cluster) group.cluster = cluster
    const role = this.value(child(properties, 'NodeRole'))
    if (role) group.roleArn = role
    const amiType = this.value(child(properties, 'AmiType'))
    if (amiType?.kind === 'known' && /^WINDOWS_/i.test(amiType.value)) group.windows = true
    return group
  }

  private podIdentityAssociation(resource: TemplateResource): PodIdentityAssociation | undefined {
    const properties = resource.properties
    const namespace = this.value(child(properties, 'Namespace'))
    const serviceAccount = this.value(child(properties, 'ServiceAccount'))
    const roleArn = this.value(child(properties, 'RoleArn'))
    if (!namespace || !serviceAccount || !roleArn) return undefined
    const association: PodIdentityAssociation = {
      source: 'cloudformation',
      location: resource.keyLocation,
      namespace,
      serviceAccount,
      roleArn,
    }
    const cluster = this.clusterName(child(properties, 'ClusterName'))
    if (cluster) association.cluster = cluster
    const disableSessionTags = this.value(child(properties, 'DisableSessionTags'))
    if (disableSessionTags) association.disableSessionTags = disableSessionTags
    const targetRoleArn = this.value(child(properties, 'TargetRoleArn'))
    if (targetRoleArn) association.targetRoleArn = targetRoleArn
    return association
  }

  /** `AWS::EKS::Addon` with `ServiceAccountRoleArn`: the add-on's own ServiceAccounts, annotated with that role by EKS. */
  private addonServiceAccounts(resource: TemplateResource): void {
    const properties = resource.properties
    const nameNode = child(properties, 'AddonName')
    const addon = nameNode ? scalarText(this.evaluator.evaluate(nameNode)) : undefined
    const roleArn = this.value(child(properties, 'ServiceAccountRoleArn'))
    const accounts = addon !== undefined ? addonServiceAccounts(addon) : undefined
    if (addon === undefined || !roleArn || !accounts) return
    const location = entry(properties, 'AddonName')?.keyLocation ?? resource.keyLocation
    const namespaceOverride = this.value(child(child(properties, 'NamespaceConfig'), 'Namespace'))
    for (const account of accounts) {
      ;(this.result.facts.serviceAccounts ??= []).push({
        source: 'cloudformation',
        namespace: namespaceOverride ?? known(account.namespace, location),
        name: known(account.name, location),
        location,
        annotations: [
          { key: ROLE_ARN_ANNOTATION, keyLocation: roleArn.location, value: roleArn, where: 'annotations' },
        ],
        roleArn,
        addon,
      })
    }
  }

  /** CDK's `KubernetesManifest` (and `eks.ServiceAccount`): the ServiceAccounts in its JSON manifest, with role ARNs as references. */
  private manifestServiceAccounts(resource: TemplateResource): void {
    const manifest = this.evaluator.evaluate(
      child(resource.properties, 'Manifest') ?? { kind: 'array', location: resource.keyLocation, items: [] },
    )
    const tree =
      manifest?.kind === 'scalar' ? parseJsonWithHoles(this.scope.path, manifest, resource.keyLocation) : undefined
    const objects = tree?.kind === 'array' ? tree.items : tree ? [tree] : []
    for (const object of objects) {
      if (scalarText(child(object, 'kind')) !== 'ServiceAccount' || scalarText(child(object, 'apiVersion')) !== 'v1')
        continue
      const metadata = child(object, 'metadata')
      const name = this.value(child(metadata, 'name'))
      if (!name) continue
      const location = resource.keyLocation
      const namespace = this.value(child(metadata, 'namespace')) ?? known('default', location)
      const annotationsNode = child(metadata, 'annotations')
      const annotations: Annotation[] =
        annotationsNode?.kind === 'object'
          ? annotationsNode.entries.flatMap((item) =>
              item.value.kind === 'scalar'
                ? [
                    {
                      key: item.key,
                      keyLocation: location,
                      value: { ...item.value.value, location },
                      where: 'annotations' as const,
                    },
                  ]
                : [],
            )
          : []
      const sa: ServiceAccount = { source: 'cloudformation', namespace, name, location, annotations }
      const roleArn = annotations.find((annotation) => annotation.key === ROLE_ARN_ANNOTATION)?.value
      const audience = annotations.find((annotation) => annotation.key === AUDIENCE_ANNOTATION)?.value
      if (roleArn) sa.roleArn = roleArn
      if (audience) sa.audience = audience
      ;(this.result.facts.serviceAccounts ??= []).push(sa)
    }
  }

  /** Outputs exported with `Export.Name`: `Fn::ImportValue` of that name in another template is the same role or provider. */
  private exports(root: ObjectNode): void {
    const outputs = child(root, 'Outputs')
    if (outputs?.kind !== 'object') return
    for (const output of outputs.entries) {
      const name = this.value(child(child(output.value, 'Export'), 'Name'))
      const value = this.value(child(output.value, 'Value'))
      if (name?.kind !== 'known' || value?.kind !== 'symbolic') continue
      for (const fact of [...this.roles.values(), ...this.providers.values()]) {
        if (fact.arnReferences.includes(value.expression)) fact.arnReferences.push(exportReference(name.value))
      }
    }
  }
}

function labelOf(name: Value | undefined, logicalId: string, path: string): string {
  const where = logicalId ? `${logicalId} in ${path}` : path
  if (name) return `role ${valueText(name)} (${where})`
  if (logicalId) return `CloudFormation role ${logicalId} (${path})`
  return `CloudFormation role (${path})`
}
