import type { Cluster } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import { child, scalarText, type ObjectNode, type TreeNode } from '../../model/tree.js'
import type { Value } from '../../model/value.js'
import type { TemplateResource, TemplateScope } from './intrinsics.js'

/**
 * Resources that route a subnet out of its VPC, or may: gateways and their attachments, routes,
 * transit and VPN gateways, peering, firewalls, and what a template hands to code or other
 * templates (nested stacks, custom resources, serverless applications).
 */
const ROUTING_TYPE =
  /^(?:AWS::EC2::(?:InternetGateway|VPCGatewayAttachment|NatGateway|Route|EgressOnlyInternetGateway|CarrierGateway|VPCPeeringConnection|TransitGateway\w*|VPNGateway\w*|LocalGatewayRoute\w*)|AWS::NetworkFirewall::\w+|AWS::CloudFormation::Stack|AWS::Serverless::Application|Custom::.+)$/

/** com.amazonaws.<region>.sts (cn.com.amazonaws.<region>.sts in China). */
const STS_SERVICE = /^(?:cn\.)?com\.amazonaws\.[^.]+\.sts$/

/**
 * `AWS::EKS::Cluster` whose `ResourcesVpcConfig.SubnetIds` are `AWS::EC2::Subnet`s of one
 * `AWS::EC2::VPC` of the template, in a template with no gateway, route or anything that may add
 * one: its pods reach AWS only through VPC endpoints, and an STS interface endpoint serves the
 * regional endpoint only (IAM User Guide, "Create a VPC endpoint for AWS STS").
 */
export function markPrivateNetwork(
  cluster: Cluster,
  resource: TemplateResource,
  scope: TemplateScope,
  root: ObjectNode,
  value: (node: TreeNode | undefined) => Value | undefined,
): void {
  // A macro may add anything; an exported value may let another stack add a route.
  if (child(root, 'Transform')) return
  const outputs = child(root, 'Outputs')
  if (outputs?.kind === 'object' && outputs.entries.some((output) => child(output.value, 'Export'))) return
  const resources = [...scope.resources.values()]
  if (resources.some((each) => ROUTING_TYPE.test(each.type))) return
  const subnets = child(child(resource.properties, 'ResourcesVpcConfig'), 'SubnetIds')
  if (subnets?.kind !== 'array' || subnets.items.length === 0) return
  const vpcs = new Set<string>()
  for (const item of subnets.items) {
    const subnet = scope.resources.get(refOf(item) ?? '')
    if (subnet?.type !== 'AWS::EC2::Subnet') return
    const vpc = scope.resources.get(refOf(child(subnet.properties, 'VpcId')) ?? '')
    if (vpc?.type !== 'AWS::EC2::VPC') return
    vpcs.add(vpc.logicalId)
  }
  const [vpcId, ...others] = [...vpcs]
  const vpc = vpcId !== undefined ? scope.resources.get(vpcId) : undefined
  if (!vpc || others.length > 0) return
  cluster.privateNetwork = {
    location: vpc.keyLocation,
    description: `in the subnets of ${vpc.logicalId}, an AWS::EC2::VPC whose template has no internet gateway, NAT gateway or route`,
  }
  const sts = stsEndpoint(resources, value)
  if (sts !== undefined) cluster.privateNetwork.stsEndpoint = sts
}

/** `{Ref: X}` (`!Ref X`): X. */
function refOf(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'object' || node.entries.length !== 1) return undefined
  return scalarText(child(node, 'Ref'))
}

function stsEndpoint(
  resources: readonly TemplateResource[],
  value: (node: TreeNode | undefined) => Value | undefined,
): Location | 'none' | undefined {
  let unknown = false
  for (const endpoint of resources) {
    if (endpoint.type !== 'AWS::EC2::VPCEndpoint') continue
    const service = value(child(endpoint.properties, 'ServiceName'))
    const text = service?.kind === 'known' ? service.value.trim() : service?.expression
    if (text !== undefined && (STS_SERVICE.test(text) || (service?.kind === 'symbolic' && text.endsWith('.sts'))))
      return service?.location ?? endpoint.keyLocation
    if (service?.kind !== 'known') unknown = true
  }
  return unknown ? undefined : 'none'
}
