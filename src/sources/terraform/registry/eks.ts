import type {
  Cluster,
  FargateSelector,
  NodeGroup,
  OidcProvider,
  PermissionStatement,
  Role,
} from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { formatLocation } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { terraformUnit } from '../../../model/facts.js'
import { addEksAddon, addFargateProfile, fargateSelector, readModuleAddon } from '../resources/eks.js'
import { pinnedMajorVersion } from './index.js'
import { present } from '../resources/iam.js'
import { attachPolicy } from '../resources/role-policies.js'
import {
  expressionOf,
  objectGet,
  objectValue,
  toFactValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type UnknownValue,
} from '../values.js'

/**
 * terraform-aws-eks, emulated from its documented outputs (irsa-failure-modes.md M2):
 * `oidc_provider` is the issuer without `https://` (for condition keys), `oidc_provider_arn` the
 * IAM OIDC provider it creates when `enable_irsa` is not false (client IDs sts.amazonaws.com and
 * `openid_connect_audiences`), `cluster_oidc_issuer_url` the issuer with `https://`. Its add-ons
 * (`cluster_addons`, `addons` from v21) annotate the add-ons' fixed ServiceAccounts.
 */
export class EksModule implements CalledModule {
  private readonly label: string

  constructor(
    private readonly call: ModuleCallRequest,
    private readonly majorVersion: number | undefined,
  ) {
    this.label = call.prefix.replace(/\.$/, '')
  }

  output(name: string, location: Location): HclValue {
    const prefix = this.call.prefix
    switch (name) {
      case 'oidc_provider':
        return unknownRef(`${prefix}oidc_provider`, location, { isHostPath: true })
      case 'oidc_provider_arn':
        return unknownRef(`${prefix}oidc_provider_arn`, location, { providerHostPath: `${prefix}oidc_provider` })
      case 'cluster_oidc_issuer_url':
        return this.issuer(location)
      case 'cluster_name':
        return this.clusterName() ?? unknownRef(`${prefix}cluster_name`, location)
      default:
        return unknownRef(`${prefix}${name}`, location)
    }
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    const view = this.call.view
    const create = this.input('create')
    if (create?.kind === 'bool' && !create.value) return
    const location = view.location
    const issuer = this.issuer(location)
    const cluster: Cluster = {
      source: 'terraform',
      location,
      terraform: { root: this.call.rootDir, address: `${this.call.prefix}aws_eks_cluster.this[0]` },
      name: toFactValue(this.clusterName()) ?? symbolic(`${this.call.prefix}cluster_name`, location),
      issuer: symbolic(expressionOf(issuer), location),
      oidcReferences: [`${this.call.prefix}oidc_provider`, `${this.call.prefix}cluster_oidc_issuer_url`],
    }
    const version = toFactValue(this.clusterVersion())
    if (version) cluster.version = version
    // The module's resources take the region of the aws provider they inherit (module.ts `awsRegion`).
    const region = this.call.awsRegion
    if (region) cluster.region = known(region.value, region.location)
    const account = this.call.awsAccount
    if (account) cluster.account = known(account.value, account.location)
    const outpost = this.outpost()
    if (outpost) cluster.outpost = outpost
    const autoMode = toFactValue(present(objectGet(this.computeConfig(), 'enabled')))
    if (autoMode) cluster.autoMode = autoMode
    sink.facts.clusters.push(cluster)
    // v21.19.0 main.tf: `create_oidc_provider = local.create && var.enable_irsa && !local.create_outposts_local_cluster`,
    // node_groups.tf: no fargate_profile module on Outposts either.
    if (outpost) return
    const irsa = this.irsaSetting()
    if (irsa === 'enabled') {
      sink.facts.oidcProviders.push(this.provider(location))
      this.noteDualStackRelease(sink)
      this.noteChinaAudience(sink)
    } else if (irsa !== 'unknown') {
      ;(sink.facts.absentOidcProviders ??= []).push({
        source: 'terraform',
        unit: terraformUnit(this.call.rootDir),
        location: irsa.location,
        setting: irsa.setting,
        label: this.label,
        arnReferences: [`${this.call.prefix}oidc_provider_arn`],
      })
    }
    this.fargateProfiles(sink)
    this.nodeGroupsWithGivenRole(sink)
    const addons =
      this.majorVersion === undefined
        ? (this.input('addons') ?? this.input('cluster_addons'))
        : this.majorVersion >= 21
          ? this.input('addons')
          : this.input('cluster_addons')
    if (addons?.kind === 'object') {
      // Every add-on is read only when every key is known; otherwise one of them has an unknown name.
      if (addons.entries.every((entry) => entry.keyValue === undefined && entry.value.kind === 'object'))
        cluster.addonsListed = addons.location
      else
        addEksAddon(sink, {
          location: addons.location,
          cluster: this.clusterName(),
          name: undefined,
          terraform: cluster.terraform ?? { address: this.label },
        })
      for (const entry of addons.entries) {
        if (entry.keyValue !== undefined || entry.value.kind !== 'object') continue
        readModuleAddon(sink, entry.key, entry.keyLocation, entry.value, view, {
          root: this.call.rootDir,
          address: `${this.call.prefix}aws_eks_addon.this[${JSON.stringify(entry.key)}]`,
        })
      }
    } else if (addons) {
      addEksAddon(sink, {
        location: addons.location,
        cluster: this.clusterName(),
        name: undefined,
        terraform: cluster.terraform ?? { address: this.label },
      })
    }
  }

  /**
   * terraform-aws-eks v21.0.0 (2025-07-23) created the IAM OIDC provider with the dual-stack issuer
   * (`url = local.dualstack_oidc_issuer_url`, `https://oidc-eks.<region>.api.aws/id/<ID>`, main.tf,
   * commit 416515a0); v21.0.1 (commit 60096fc7, 2025-07-24, "Revert changs to OIDC dual stack
   * issuer url") went back to the cluster's issuer. EKS tokens carry the `oidc.eks.` issuer, so
   * STS finds no provider for them (irsa-failure-modes.md A6).
   */
  private noteDualStackRelease(sink: FactSink): void {
    const constraint = this.call.version ?? /[?&]ref=([^&#]+)/.exec(this.call.source)?.[1]
    if (constraint === undefined || !/^\s*=?\s*v?21\.0\.0\s*$/.test(constraint)) return
    const location = this.call.view.attribute('version')?.location ?? this.call.view.location
    sink.findings.push({
      ruleId: 'oidc-provider-url-invalid',
      location,
      message: `${this.label} pins terraform-aws-eks ${constraint.trim()}, which creates the IAM OIDC provider with the cluster's dual-stack issuer URL (https://oidc-eks.<region>.api.aws/id/<ID>), but EKS tokens carry the issuer https://oidc.eks.<region>.amazonaws.com/id/<ID>, so STS finds no provider for them ("InvalidIdentityToken: No OpenIDConnect provider found in your account") and every role trusting ${this.label}.oidc_provider_arn fails; use version 21.0.1 or later, which reverted it`,
      key: `terraform-aws-eks-21.0.0 ${this.label} ${this.call.rootDir}`,
    })
  }

  /**
   * From v13.0.0 until v20.0.0 (commit 6b40bdbb, 2024-02-02) the module gave its provider the client
   * ID `sts.${dns_suffix}` (main.tf: `client_id_list = distinct(compact(concat(["sts.${local.dns_suffix}"],
   * var.openid_connect_audiences)))`, the partition's DNS suffix unless `cluster_iam_role_dns_suffix`
   * says otherwise), "sts.amazonaws.com.cn" in China, while the tokens' audience is "sts.amazonaws.com"
   * there too (irsa-failure-modes.md J2). A warning: the region is read from the provider block only.
   */
  private noteChinaAudience(sink: FactSink): void {
    const region = this.call.awsRegion
    const major = pinnedMajorVersion(this.call)
    if (!region || !region.value.startsWith('cn-') || major === undefined || major < 13 || major >= 20) return
    if (this.input('cluster_iam_role_dns_suffix') !== undefined) return
    const audiences = this.input('openid_connect_audiences')
    if (
      audiences &&
      (audiences.kind !== 'tuple' ||
        audiences.items.some((item) => item.kind !== 'string' || item.value === 'sts.amazonaws.com'))
    )
      return
    const location = this.call.view.attribute('version')?.location ?? this.call.view.location
    sink.findings.push({
      ruleId: 'oidc-provider-audience-missing',
      level: 'warning',
      location,
      message: `${this.label} pins terraform-aws-eks ${(this.call.version ?? '').trim() || `v${major}`} in ${region.value} (the aws provider's region, ${formatLocation(region.location)}); before v20 the module gives its IAM OIDC provider the client ID "sts.<DNS suffix of the partition>", here "sts.amazonaws.com.cn", but ServiceAccount tokens carry the audience "sts.amazonaws.com" in China too, so STS answers "InvalidIdentityToken: Incorrect token audience"; add openid_connect_audiences = ["sts.amazonaws.com"], or upgrade to v20 or later, which lists "sts.amazonaws.com"`,
      related: [{ location: region.location, message: `region ${region.value}` }],
      key: `terraform-aws-eks-china-audience ${this.label} ${this.call.rootDir}`,
    })
  }

  /**
   * Whether the module creates its IAM OIDC provider: `enable_irsa`, whose default is true from
   * v18.4.0 and false before (variables.tf at v17.24.0, v18.0.0, v18.4.0). With IRSA off the
   * `oidc_provider_arn` output is null (outputs.tf: `try(aws_iam_openid_connect_provider.oidc_provider[0].arn, null)`).
   */
  private irsaSetting(): 'enabled' | 'unknown' | { location: Location; setting: string } {
    const enableIrsa = this.input('enable_irsa')
    if (enableIrsa?.kind === 'bool') {
      if (enableIrsa.value) return 'enabled'
      const attribute = this.call.view.attribute('enable_irsa')
      return { location: attribute?.location ?? enableIrsa.location, setting: 'enable_irsa = false' }
    }
    if (enableIrsa) return 'unknown'
    const pinned = pinnedMajorVersion(this.call)
    if (pinned !== undefined && pinned < 18) {
      const version = this.call.view.attribute('version')
      return {
        location: version?.location ?? this.call.view.location,
        setting: `version ${this.call.version ?? ''} without enable_irsa (false by default before v18.4)`.replace(
          '  ',
          ' ',
        ),
      }
    }
    return 'enabled'
  }

  private provider(location: Location): OidcProvider {
    const arn = `${this.call.prefix}oidc_provider_arn`
    const provider: OidcProvider = {
      source: 'terraform',
      location,
      terraform: {
        root: this.call.rootDir,
        address: `${this.call.prefix}aws_iam_openid_connect_provider.oidc_provider[0]`,
      },
      arn: symbolic(arn, location),
      url: symbolic(expressionOf(this.issuer(location)), location),
      clientIds: [known('sts.amazonaws.com', location)],
      arnReferences: [arn],
    }
    const audiences = this.input('openid_connect_audiences')
    const audiencesAttribute = this.call.view.attribute('openid_connect_audiences')
    if (audiences?.kind === 'tuple') {
      for (const item of audiences.items) {
        const value = toFactValue(item)
        if (value && !(value.kind === 'known' && value.value === 'sts.amazonaws.com')) provider.clientIds.push(value)
      }
    } else if (audiences?.kind === 'unknown') {
      provider.clientIds.push(symbolic(expressionOf(audiences), audiences.location))
    }
    if (audiencesAttribute) provider.clientIdsLocation = audiencesAttribute.location
    // v19.20.0 added `include_oidc_root_ca_thumbprint` (default true, still in v21.19.0 variables.tf):
    // main.tf's `data "tls_certificate" "this"` fetches the issuer's certificate when Terraform plans.
    // Only a configuration that sets it to true itself chose the fetch; the default is every module use.
    const fetch = this.input('include_oidc_root_ca_thumbprint')
    if (fetch?.kind === 'bool' && fetch.value)
      provider.thumbprintFetch = {
        location: fetch.location,
        label: `${this.label} include_oidc_root_ca_thumbprint = true`,
        url: provider.url ?? symbolic(expressionOf(this.issuer(location)), location),
      }
    return provider
  }

  private issuer(location: Location): UnknownValue {
    return unknownTemplate(
      [{ text: 'https://' }, { ref: `${this.call.prefix}oidc_provider`, isHostPath: true }],
      location,
    )
  }

  /**
   * `outpost_config` makes a local cluster on Outposts (v21.19.0 main.tf: `var.outpost_config != null`;
   * before v21 the default was `{}` and `length(var.outpost_config) > 0`).
   */
  private outpost(): Location | undefined {
    const config = this.input('outpost_config')
    if (config?.kind !== 'object' || config.entries.length === 0) return undefined
    return this.call.view.attribute('outpost_config')?.location
  }

  /**
   * `fargate_profiles`: each entry's `selectors` (modules/fargate-profile/main.tf `dynamic "selector"`)
   * and its pod execution role. modules/fargate-profile/main.tf (v18.31.2 to v21.19.0):
   * `pod_execution_role_arn = var.create_iam_role ? aws_iam_role.this[0].arn : var.iam_role_arn`,
   * `create_iam_role` true by default; the role it creates gets AmazonEKSFargatePodExecutionRolePolicy
   * (and the CNI policy), `iam_role_additional_policies` attached (a list in v18, a map from v19) and,
   * from v20, `iam_role_policy_statements` as an inline policy. Before v21 an entry's settings default
   * to `fargate_profile_defaults` (node_groups.tf `try(each.value.x, var.fargate_profile_defaults.x, …)`).
   */
  private fargateProfiles(sink: FactSink): void {
    const profiles = this.input('fargate_profiles')
    if (profiles?.kind !== 'object') return
    const defaults =
      this.majorVersion === undefined || this.majorVersion < 21 ? this.input('fargate_profile_defaults') : undefined
    for (const entry of profiles.entries) {
      if (entry.keyValue !== undefined || entry.value.kind !== 'object') continue
      const setting = (name: string): HclValue | undefined =>
        present(objectGet(entry.value, name)) ?? present(objectGet(defaults, name))
      const create = objectGet(entry.value, 'create')
      if (create?.kind === 'bool' && !create.value) continue
      const written = objectGet(entry.value, 'selectors')
      const selectors: FargateSelector[] = []
      for (const item of written?.kind === 'tuple' ? written.items : []) {
        const selector = fargateSelector(objectGet(item, 'namespace'), objectGet(item, 'labels'), item.location)
        if (selector) selectors.push(selector)
      }
      const profilePrefix = `${this.call.prefix}module.fargate_profile[${JSON.stringify(entry.key)}].`
      const address = `${profilePrefix}aws_eks_fargate_profile.this[0]`
      const createRole = setting('create_iam_role')
      let podExecutionRoleArn: HclValue | undefined
      if (createRole?.kind === 'bool' && !createRole.value) podExecutionRoleArn = setting('iam_role_arn')
      else if (!createRole || createRole.kind === 'bool')
        podExecutionRoleArn = this.fargateRole(
          sink,
          entry.keyLocation,
          `${profilePrefix}aws_iam_role.this[0]`,
          `the role ${this.label} creates for fargate_profiles[${JSON.stringify(entry.key)}]`,
          setting,
        )
      addFargateProfile(sink, {
        location: entry.keyLocation,
        label: address,
        cluster: this.clusterName(),
        podExecutionRoleArn,
        selectors,
        terraform: { root: this.call.rootDir, address },
      })
    }
  }

  /**
   * `eks_managed_node_groups` entries that bring their own node role. modules/eks-managed-node-group/main.tf
   * (v20.37.2, v21.19.0): `node_role_arn = var.create_iam_role ? aws_iam_role.this[0].arn : var.iam_role_arn`;
   * the role it creates always gets AmazonEKSWorkerNodePolicy (`iam_role_policies` local), so only a given
   * role can lack it. Before v21 an entry's settings default to `eks_managed_node_group_defaults`
   * (node_groups.tf `try(each.value.x, var.eks_managed_node_group_defaults.x, …)`).
   */
  private nodeGroupsWithGivenRole(sink: FactSink): void {
    const groups = this.input('eks_managed_node_groups')
    if (groups?.kind !== 'object') return
    const defaults =
      this.majorVersion === undefined || this.majorVersion < 21
        ? this.input('eks_managed_node_group_defaults')
        : undefined
    for (const entry of groups.entries) {
      if (entry.keyValue !== undefined || entry.value.kind !== 'object') continue
      const setting = (name: string): HclValue | undefined =>
        present(objectGet(entry.value, name)) ?? present(objectGet(defaults, name))
      const create = objectGet(entry.value, 'create')
      if (create?.kind === 'bool' && !create.value) continue
      const createRole = setting('create_iam_role')
      if (createRole?.kind !== 'bool' || createRole.value) continue
      const roleArn = toFactValue(setting('iam_role_arn'))
      if (!roleArn) continue
      const address = `${this.call.prefix}module.eks_managed_node_group[${JSON.stringify(entry.key)}].aws_eks_node_group.this[0]`
      const group: NodeGroup = {
        source: 'terraform',
        location: entry.keyLocation,
        label: `node group ${address}`,
        roleArn,
        terraform: { root: this.call.rootDir, address },
      }
      const cluster = toFactValue(this.clusterName())
      if (cluster) group.cluster = cluster
      const amiType = setting('ami_type')
      if (amiType?.kind === 'string' && /^WINDOWS_/i.test(amiType.value)) group.windows = true
      ;(sink.facts.nodeGroups ??= []).push(group)
    }
  }

  /** The pod execution role modules/fargate-profile creates, with the policies the entry adds; its ARN reference. */
  private fargateRole(
    sink: FactSink,
    location: Location,
    address: string,
    label: string,
    setting: (name: string) => HclValue | undefined,
  ): HclValue {
    const role: Role = {
      source: 'terraform',
      location,
      label,
      arnReferences: [`${address}.arn`],
      permissions: { complete: false, statements: [] },
      terraform: { root: this.call.rootDir, address },
    }
    sink.facts.roles.push(role)
    const additional = setting('iam_role_additional_policies')
    const policyArns =
      additional?.kind === 'object'
        ? additional.entries.map((entry) => entry.value)
        : additional?.kind === 'tuple'
          ? additional.items
          : []
    for (const policyArn of policyArns) attachPolicy(sink, role, policyArn)
    const statements = setting('iam_role_policy_statements')
    const createPolicy = setting('create_iam_role_policy')
    if (statements?.kind === 'tuple' && !(createPolicy?.kind === 'bool' && !createPolicy.value))
      for (const item of statements.items) role.permissions?.statements.push(moduleStatement(item))
    return unknownRef(`${address}.arn`, location)
  }
  private clusterVersion(): HclValue | undefined {
    if (this.majorVersion !== undefined)
      return this.input(this.majorVersion >= 21 ? 'kubernetes_version' : 'cluster_version')
    return this.input('cluster_version') ?? this.input('kubernetes_version')
  }

  /** EKS Auto Mode: `compute_config` from v21 (variables.tf at v21.0.0), `cluster_compute_config` in v20 (v20.37.2). */
  private computeConfig(): HclValue | undefined {
    if (this.majorVersion !== undefined)
      return this.input(this.majorVersion >= 21 ? 'compute_config' : 'cluster_compute_config')
    return this.input('compute_config') ?? this.input('cluster_compute_config')
  }

  private clusterName(): HclValue | undefined {
    if (this.majorVersion !== undefined) return this.input(this.majorVersion >= 21 ? 'name' : 'cluster_name')
    return this.input('cluster_name') ?? this.input('name')
  }

  private input(name: string): HclValue | undefined {
    return present(this.call.view.value(name))
  }
}

/** One `iam_role_policy_statements` item (data aws_iam_policy_document `statement` fields; effect Allow when not given). */
function moduleStatement(item: HclValue): PermissionStatement {
  const statement: PermissionStatement = {
    location: item.location,
    effect: toFactValue(present(objectGet(item, 'effect'))) ?? known('Allow', item.location),
    conditional: present(objectGet(item, 'condition')) !== undefined || item.kind !== 'object',
  }
  for (const [key, field] of [
    ['actions', 'actions'],
    ['not_actions', 'notActions'],
    ['resources', 'resources'],
    ['not_resources', 'notResources'],
  ] as const) {
    const list = present(objectGet(item, key))
    if (!list) continue
    if (list.kind !== 'tuple') {
      statement.conditional = true
      continue
    }
    statement[field] = list.items.flatMap((value) => toFactValue(value) ?? [])
  }
  return statement
}
