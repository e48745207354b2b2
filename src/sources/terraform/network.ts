import type { Cluster } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import type { BlockView } from './block-view.js'
import { majorVersion } from './registry/index.js'
import { iterate, objectGet, scalarString, type HclValue } from './values.js'

/** A resource instance or module call instance of one module instance. */
export interface ScopedView {
  /** `aws_subnet.private[0]`, `module.vpc` (with the module instance's prefix). */
  address: string
  view: BlockView
}

export interface ScopedModuleCall extends ScopedView {
  source: string
  version?: string
  /** A local module whose resources and calls are part of the scope. */
  read: boolean
}

/** What the network reading needs of a root module instance and the local modules under it (addresses with their prefixes). */
export interface NetworkScope {
  resources(type: string): ScopedView[]
  resourceTypes(): string[]
  moduleCalls(): ScopedModuleCall[]
  /** The root module's output values: what another configuration may read through remote state. */
  rootOutputs(): HclValue[]
}

/** terraform-aws-modules/vpc, its root module only. */
const VPC_SOURCE = /terraform-aws-modules\/(?:vpc\/aws|terraform-aws-vpc(?:\.git)?)\/?(?:[?#].*)?$/
/** Its vpc-endpoints submodule. */
const VPC_ENDPOINTS_SOURCE =
  /terraform-aws-modules\/(?:vpc\/aws|terraform-aws-vpc(?:\.git)?)\/\/modules\/vpc-endpoints\/?(?:[?#].*)?$/
/** terraform-aws-eks, the root module only. */
const EKS_SOURCE = /terraform-aws-modules\/(?:eks\/aws|terraform-aws-eks(?:\.git)?)\/?(?:[?#].*)?$/
/** Registry modules that add no route to a VPC they are given (they read its id and subnets only). */
const ROUTE_FREE_SOURCE =
  /^(?:terraform-aws-modules\/(?:eks|iam|kms|security-group)\/aws|aws-ia\/eks-blueprints-addons?\/aws)(?:\/\/[^?#]*)?\/?(?:[?#].*)?$/

/**
 * Resources that give a subnet a route out of the VPC, or may: gateways, routes, route propagation
 * from a virtual private gateway, peering, transit gateways, firewalls (route tables are read).
 */
const ROUTING_TYPE =
  /^aws_(?:route|internet_gateway|egress_only_internet_gateway|nat_gateway|vpn_gateway\w*|vpc_peering_connection\w*|ec2_transit_gateway\w*|networkfirewall_firewall|dx_gateway_association\w*)$/

/** `aws_subnet.private[0].id`, `module.net.aws_subnet.a.id`: the subnet resource and its instance key. */
const SUBNET_ID = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*aws_subnet\.[\w-]+)((?:\[[^\]]*\])?)\.id$/
const VPC_ID = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*aws_vpc\.[\w-]+)\.id$/

/** com.amazonaws.<region>.sts (cn.com.amazonaws.<region>.sts in China). */
const STS_SERVICE = /^(?:cn\.)?com\.amazonaws\.[^.]+\.sts$/

interface Network {
  /** Where the network is declared (the module call, the aws_vpc resource). */
  location: Location
  what: string
}

/**
 * Marks the clusters of this module instance whose VPC, as the module instance shows it whole,
 * has no route out of the VPC: no NAT gateway, no internet gateway, no other route a resource or
 * an unread module could add. Pods on their nodes reach AWS only through VPC endpoints, and an
 * STS interface endpoint serves the regional endpoint only (IAM User Guide, "Create a VPC
 * endpoint for AWS STS": "you must use the matching regional endpoint to send your AWS STS
 * requests"). A VPC given from outside (a variable, a data source, remote state) stays unknown.
 */
export function markPrivateNetworks(scope: NetworkScope, clusters: readonly Cluster[]): void {
  const candidates = clusterSubnets(scope, clusters)
  if (candidates.length === 0) return
  const calls = scope.moduleCalls()
  const vpcModules = calls.filter((call) => VPC_SOURCE.test(call.source.trim()))
  // Route tables the root hands to other configurations (remote state) may get routes there.
  const routing =
    routesOut(scope) || scope.rootOutputs().some((output) => refersTo(output, (ref) => /route_table/.test(ref)))
  const sts = stsEndpoint(scope, calls)
  for (const { cluster, subnets } of candidates) {
    const network =
      moduleNetwork(vpcModules, calls, routing, subnets) ?? resourceNetwork(scope, calls, routing, subnets)
    if (!network) continue
    cluster.privateNetwork = { location: network.location, description: network.what }
    if (sts !== undefined) cluster.privateNetwork.stsEndpoint = sts
  }
}

/** Whether a resource of the module instance may route a subnet out of its VPC. */
function routesOut(scope: NetworkScope): boolean {
  if (scope.resourceTypes().some((type) => ROUTING_TYPE.test(type))) return true
  // A route table with `route` blocks or attributes, or routes a VPN gateway propagates.
  return ['aws_route_table', 'aws_default_route_table'].some((type) =>
    scope
      .resources(type)
      .some(
        ({ view }) =>
          view.unknownExpansion ||
          view.has('route') ||
          view.blocks('route').length > 0 ||
          nonEmpty(view.value('propagating_vgws')),
      ),
  )
}

function nonEmpty(value: HclValue | undefined): boolean {
  if (value === undefined || value.kind === 'null') return false
  return !(value.kind === 'tuple' && value.items.length === 0)
}

/** The subnet values of each cluster this module instance creates. */
function clusterSubnets(scope: NetworkScope, clusters: readonly Cluster[]): { cluster: Cluster; subnets: HclValue }[] {
  const found: { cluster: Cluster; subnets: HclValue }[] = []
  const byAddress = new Map<string, Cluster>()
  for (const cluster of clusters) if (cluster.terraform) byAddress.set(cluster.terraform.address, cluster)
  for (const { address, view } of scope.resources('aws_eks_cluster')) {
    const cluster = byAddress.get(address)
    const [vpcConfig, ...more] = view.blocks('vpc_config')
    const subnets =
      vpcConfig && more.length === 0 && !vpcConfig.unknownExpansion ? vpcConfig.value('subnet_ids') : undefined
    if (cluster && subnets) found.push({ cluster, subnets })
  }
  for (const call of scope.moduleCalls()) {
    if (!EKS_SOURCE.test(call.source.trim())) continue
    const cluster = byAddress.get(`${call.address}.aws_eks_cluster.this[0]`)
    const subnets = call.view.value('subnet_ids')
    if (cluster && subnets) found.push({ cluster, subnets })
  }
  return found
}

/** Each subnet of a list of subnet ids as a reference, or undefined when one is not a reference. */
function subnetRefs(subnets: HclValue): string[] | undefined {
  const refs: string[] = []
  const add = (value: HclValue): boolean => {
    if (value.kind !== 'unknown') return false
    const [part, ...more] = value.parts
    if (!part || more.length > 0 || !('ref' in part)) return false
    refs.push(part.ref)
    return true
  }
  if (subnets.kind === 'tuple') {
    if (subnets.items.length === 0 || !subnets.items.every(add)) return undefined
  } else if (!add(subnets)) return undefined
  return refs
}

/** terraform-aws-modules/vpc: every subnet of the cluster is one of its private or intra subnets. */
function moduleNetwork(
  vpcModules: readonly ScopedModuleCall[],
  calls: readonly ScopedModuleCall[],
  routing: boolean,
  subnets: HclValue,
): Network | undefined {
  const refs = subnetRefs(subnets)
  if (!refs || routing) return undefined
  const vpc = vpcModules.find((call) =>
    refs.every((ref) => new RegExp(`^${escape(call.address)}\\.(?:private|intra)_subnets(?:\\[\\d+\\])?$`).test(ref)),
  )
  if (!vpc || vpc.view.unknownExpansion) return undefined
  // terraform-aws-vpc v3.0.0 to v6.6.0 variables.tf: create_vpc defaults to true, enable_nat_gateway,
  // enable_ipv6 and enable_vpn_gateway to false, vpn_gateway_id to "", public_subnets to []; main.tf
  // routes private subnets out only through its NAT gateways (aws_route.private_nat_gateway), through
  // the egress-only gateway with enable_ipv6 (private_ipv6_egress) or routes a VPN gateway propagates.
  const major = majorVersion(vpc)
  if (major === undefined || major < 3 || major > 6) return undefined
  const view = vpc.view
  if (!isFalse(view, 'enable_nat_gateway', true) || !isTrue(view, 'create_vpc', true)) return undefined
  if (!isFalse(view, 'enable_ipv6', true) || !isFalse(view, 'enable_vpn_gateway', true)) return undefined
  // No public subnets, or no internet gateway for them (main.tf aws_route.public_internet_gateway).
  if (nonEmpty(view.value('public_subnets')) && !isFalse(view, 'create_igw', false)) return undefined
  const vpnGateway = view.value('vpn_gateway_id')
  if (vpnGateway && !(vpnGateway.kind === 'string' && vpnGateway.value === '') && vpnGateway.kind !== 'null')
    return undefined
  // An unread module given anything of the VPC may add a route to its route tables.
  if (calls.some((call) => call !== vpc && !knownRouteFree(call) && mentions(call.view, `${vpc.address}.`)))
    return undefined
  const nat = view.attribute('enable_nat_gateway')
  return {
    location: nat?.location ?? vpc.view.location,
    what: `in the private subnets of ${vpc.address} (terraform-aws-modules/vpc), without NAT gateway${nat ? '' : ' (enable_nat_gateway defaults to false)'} or public subnet`,
  }
}

/** aws_vpc and aws_subnet resources, in a module instance with no gateway, route or unread module given the VPC. */
function resourceNetwork(
  scope: NetworkScope,
  calls: readonly ScopedModuleCall[],
  routing: boolean,
  subnets: HclValue,
): Network | undefined {
  const refs = subnetRefs(subnets)
  if (!refs || routing) return undefined
  const vpcs = new Set<string>()
  const subnetBases = new Set<string>()
  const subnetViews = new Map(scope.resources('aws_subnet').map((each) => [each.address, each.view]))
  for (const ref of refs) {
    const subnet = SUBNET_ID.exec(ref)
    const view = subnet ? subnetViews.get(`${subnet[1]}${subnet[2]}`) : undefined
    if (!subnet || !view || view.unknownExpansion) return undefined
    subnetBases.add(subnet[1] ?? '')
    const vpcId = view.value('vpc_id')
    const vpcRef = vpcId?.kind === 'unknown' && vpcId.parts.length === 1 ? vpcId.parts[0] : undefined
    const vpc = vpcRef && 'ref' in vpcRef ? VPC_ID.exec(vpcRef.ref)?.[1] : undefined
    if (vpc === undefined) return undefined
    vpcs.add(vpc)
  }
  const [vpcAddress, ...others] = [...vpcs]
  if (vpcAddress === undefined || others.length > 0) return undefined
  const vpc = scope.resources('aws_vpc').find((each) => each.address === vpcAddress)
  if (!vpc || vpc.view.unknownExpansion) return undefined
  // An unread module given the VPC or its subnets may add a route.
  const given = [`${vpcAddress}.`, ...[...subnetBases].map((base) => `${base}.`), ...subnetBases]
  if (calls.some((call) => !knownRouteFree(call) && given.some((prefix) => mentions(call.view, prefix))))
    return undefined
  return {
    location: vpc.view.location,
    what: `in the subnets of ${vpcAddress}, with no internet gateway, NAT gateway or route out of the VPC in its modules`,
  }
}

/** Where the module instance creates an STS interface endpoint; 'none' when every endpoint it declares is known and none is; undefined when unknown. */
function stsEndpoint(scope: NetworkScope, calls: readonly ScopedModuleCall[]): Location | 'none' | undefined {
  let unknown = false
  for (const { view } of scope.resources('aws_vpc_endpoint')) {
    const service = view.value('service_name')
    const text = service ? scalarString(service) : undefined
    if (text !== undefined && STS_SERVICE.test(text.trim()))
      return view.attribute('service_name')?.location ?? view.location
    if (service?.kind === 'unknown') {
      const last = service.parts[service.parts.length - 1]
      if (last && 'text' in last && last.text.endsWith('.sts'))
        return view.attribute('service_name')?.location ?? view.location
      unknown = true
    }
  }
  for (const call of calls) {
    if (!VPC_ENDPOINTS_SOURCE.test(call.source.trim())) continue
    const endpoints = call.view.value('endpoints')
    if (endpoints?.kind !== 'object') {
      unknown = true
      continue
    }
    for (const [, endpoint] of iterate(endpoints)) {
      const service = objectGet(endpoint, 'service') ?? objectGet(endpoint, 'service_name')
      const text = service ? scalarString(service)?.trim() : undefined
      if (text === 'sts' || (text !== undefined && STS_SERVICE.test(text)))
        return service?.location ?? call.view.location
      if (text === undefined) unknown = true
    }
    if (endpoints.entries.some((entry) => entry.keyValue !== undefined)) unknown = true
  }
  return unknown ? undefined : 'none'
}

function knownRouteFree(call: ScopedModuleCall): boolean {
  const source = call.source.trim()
  return call.read || ROUTE_FREE_SOURCE.test(source) || VPC_ENDPOINTS_SOURCE.test(source)
}

/** Whether a block's arguments refer to anything under a reference prefix. */
function mentions(view: BlockView, refPrefix: string): boolean {
  return refersTo(view.toValue(), (ref) => ref.startsWith(refPrefix) || ref === refPrefix.slice(0, -1))
}

/** Whether a value holds a reference the test accepts. */
function refersTo(value: HclValue, test: (ref: string) => boolean, depth = 0): boolean {
  if (depth > 50) return true
  if (value.kind === 'unknown') return value.parts.some((part) => 'ref' in part && test(part.ref))
  if (value.kind === 'tuple') return value.items.some((item) => refersTo(item, test, depth + 1))
  if (value.kind === 'object')
    return value.entries.some(
      (entry) =>
        (entry.keyValue !== undefined && refersTo(entry.keyValue, test, depth + 1)) ||
        refersTo(entry.value, test, depth + 1),
    )
  return false
}

/** The argument is false, or absent when its default is false. */
function isFalse(view: BlockView, name: string, absentIsFalse: boolean): boolean {
  const value = view.value(name)
  if (value === undefined || value.kind === 'null') return absentIsFalse
  return value.kind === 'bool' && !value.value
}

function isTrue(view: BlockView, name: string, absentIsTrue: boolean): boolean {
  const value = view.value(name)
  if (value === undefined || value.kind === 'null') return absentIsTrue
  return value.kind === 'bool' && value.value
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
