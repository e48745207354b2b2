import type { Graph } from '../graph.js'
import type { AwsConfigReader, AwsProfile, PodIdentityAssociation, Role } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Location } from '../model/location.js'
import type { PolicyDocument } from '../model/policy.js'
import { valueText, type Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { roleKey, trustTitle } from './helpers/correlation.js'
import { describeAssociation, disablesSessionTags, TAG_SESSION, sentenceStart } from './helpers/pod-identity.js'
import { isAllow } from './helpers/trust.js'

export const podIdentityChainTagSessionMissing: Rule = {
  meta: {
    id: 'pod-identity-chain-tag-session-missing',
    level: 'warning',
    description: `Pods that get a role through EKS Pod Identity assume a further role (an AWS profile chain, a cert-manager route53.role) whose trust does not allow ${TAG_SESSION}: Pod Identity's session tags are transitive, so STS refuses the chained AssumeRole.`,
    remediation: `Add "${TAG_SESSION}" to the Action of the chained role's trust statement that lets the first role assume it.`,
  },
  *check(graph) {
    const associations = graph.facts.podIdentityAssociations.filter((association) => !disablesSessionTags(association))
    if (associations.length === 0) return
    yield* profileChains(graph, associations)
    yield* controllerRoles(graph, associations)
  },
}

interface Chained {
  roleArn: Value
  /** Where the chain names the role. */
  location: Location
  how: string
  association: PodIdentityAssociation
  from: { unit?: string }
}

function* profileChains(graph: Graph, associations: readonly PodIdentityAssociation[]): Iterable<FindingDraft> {
  const seen = new Set<AwsProfile>()
  for (const profile of graph.facts.awsProfiles) {
    const file = profile.configFile
    if (!file) continue
    for (const reader of file.readers) {
      const association = associationOf(associations, reader)
      if (!association) continue
      for (const hop of chainFrom(graph.facts.awsProfiles, reader)) {
        if (seen.has(hop) || !hop.roleArn) continue
        seen.add(hop)
        yield* refusing(graph, {
          roleArn: hop.roleArn,
          location: hop.roleArn.location,
          how: `profile "${hop.name}" of ${file.label} (read by ${reader.workload.kind} ${valueText(reader.workload.name)})`,
          association,
          from: {},
        })
      }
    }
  }
}

/** The association that gives the reader's pods their role: one for the workload's namespace and ServiceAccount. */
function associationOf(
  associations: readonly PodIdentityAssociation[],
  reader: AwsConfigReader,
): PodIdentityAssociation | undefined {
  const { namespace } = reader.workload
  const name = reader.workload.serviceAccountName ?? {
    kind: 'known' as const,
    value: 'default',
    location: reader.workload.location,
  }
  if (namespace.kind !== 'known' || name.kind !== 'known') return undefined
  return associations.find(
    (association) =>
      association.namespace.kind === 'known' &&
      association.namespace.value === namespace.value &&
      association.serviceAccount.kind === 'known' &&
      association.serviceAccount.value === name.value,
  )
}

/**
 * The profiles whose role_arn the reader's selected profile assumes with sts:AssumeRole from the
 * pod's container credentials (`credential_source = EcsContainer`, what Pod Identity provides):
 * none when the chain starts anywhere else.
 */
function chainFrom(profiles: readonly AwsProfile[], reader: AwsConfigReader): AwsProfile[] {
  const selected =
    reader.profile === undefined ? 'default' : reader.profile.kind === 'known' ? reader.profile.value : undefined
  if (selected === undefined) return []
  const file = profiles.find((profile) => profile.name === selected)?.configFile
  const byName = new Map(
    profiles.filter((profile) => profile.configFile === file).map((profile) => [profile.name, profile]),
  )
  const chain: AwsProfile[] = []
  let current = byName.get(selected)
  while (current && !chain.includes(current)) {
    if (current.webIdentityTokenFile) return []
    chain.push(current)
    if (current.credentialSource) {
      const source = current.credentialSource
      return source.kind === 'known' && source.value === 'EcsContainer' ? chain : []
    }
    if (current.sourceProfile === undefined) break
    current = byName.get(current.sourceProfile)
    if (!current) return []
  }
  // A chain from a profile of no role: static keys or the default chain, which the scan cannot tell apart.
  return []
}

function* controllerRoles(graph: Graph, associations: readonly PodIdentityAssociation[]): Iterable<FindingDraft> {
  // cert-manager's controller runs as the chart's ServiceAccount "cert-manager" (cert-manager Helm chart values.yaml).
  const association = associations.find(
    (each) => each.serviceAccount.kind === 'known' && each.serviceAccount.value === 'cert-manager',
  )
  if (!association) return
  for (const object of graph.facts.objects) {
    for (const assumed of object.assumedRoles ?? []) {
      if (assumed.by !== 'cert-manager') continue
      yield* refusing(graph, {
        roleArn: assumed.roleArn,
        location: assumed.location,
        how: `${object.kind} ${valueText(object.name)} (${assumed.field})`,
        association,
        from: object.unit !== undefined ? { unit: object.unit } : {},
      })
    }
  }
}

function* refusing(graph: Graph, chained: Chained): Iterable<FindingDraft> {
  for (const { role } of graph.rolesNamedBy(chained.roleArn, chained.from)) {
    const trust = role.trustPolicy
    if (!trust || mayAllowTagSession(trust)) continue
    yield finding(role, trust, chained)
  }
}

function finding(role: Role, trust: PolicyDocument, chained: Chained): FindingDraft {
  const association = describeAssociation(chained.association)
  return {
    location: trust.location,
    message:
      `${sentenceStart(trustTitle(role))} allows no ${TAG_SESSION}, but pods that get their first role through EKS Pod Identity (${association}) assume it through ${chained.how}; ` +
      `Pod Identity's session tags are transitive, so STS refuses the chained AssumeRole ("not authorized to perform: ${TAG_SESSION}"); add "${TAG_SESSION}" to the Action of the statement that lets the first role assume it (IRSA sessions carried no tags)`,
    related: [
      { location: chained.location, message: `the chain names the role here` },
      { location: chained.association.location, message: association },
    ],
    key: `${roleKey(role)} pod-identity-chain-tag-session`,
  }
}

/** Some Allow statement's actions may match sts:TagSession (a wildcard, a reference or NotAction). */
function mayAllowTagSession(trust: PolicyDocument): boolean {
  if ((trust.symbolicStatements ?? []).length > 0) return true
  return trust.statements.some((statement) => {
    if (!isAllow(statement)) return statement.effect?.kind !== 'known'
    if (statement.notAction || !statement.action) return true
    return statement.action.values.some((value) => value.kind !== 'known' || matchesTagSession(value.value.trim()))
  })
}

function matchesTagSession(action: string): boolean {
  const pattern = new RegExp(
    `^${action
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  )
  return pattern.test(TAG_SESSION)
}
