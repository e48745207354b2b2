import type { NonEmpty } from '../collections.js'
import { NO_UNIT, type Graph } from '../graph.js'
import { parseRoleArn, type RoleArn } from '../iam/arn.js'
import { evaluatePolicy, type ConditionMismatch, type Decision, type StatementOutcome } from '../iam/evaluate.js'
import { identityAllows } from '../iam/identity-policy.js'
import type { PolicyRequest } from '../iam/request.js'
import type { AwsConfigReader, AwsProfile, Role, ServiceAccount } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import {
  checkToken,
  describeServiceAccount,
  knownClusters,
  roleTitle,
  trustTitle,
  type KnownCluster,
} from './helpers/correlation.js'
import { keyText } from './helpers/trust.js'

const WEBHOOK_TOKEN_FILE = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'
const ASSUME_ROLE = 'sts:AssumeRole'

export const crossAccountChainBroken: Rule = {
  meta: {
    id: 'cross-account-chain-broken',
    level: 'error',
    description:
      "An AWS profile chain (web_identity_token_file → source_profile → role_arn) that cannot work: a role does not trust the one before it, or that one may not sts:AssumeRole it; the web-identity profile is not the ServiceAccount's role or reads another token file; a named profile is missing; or the pod never selects the chain.",
    remediation:
      "Make each role of the chain trust the role before it and allow that role sts:AssumeRole on it, point the web-identity profile at the ServiceAccount's IRSA role and the webhook's token file, and select the chain's last profile with AWS_PROFILE.",
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    for (const profiles of profilesByFile(graph.facts.awsProfiles)) {
      const chain = new ConfigFileChains(graph, clusters, profiles)
      yield* chain.hops()
      for (const reader of profiles[0].configFile?.readers ?? []) yield* chain.reader(reader)
    }
  },
}

/** The profiles of each config file (by what the file is, not by object identity: facts may come from worker threads). */
/** A finding with the key that keeps one config file's findings from repeating. */
type KeyedFinding = FindingDraft & { key: string }

function profilesByFile(profiles: readonly AwsProfile[]): NonEmpty<AwsProfile>[] {
  const groups = new Map<string, [AwsProfile, ...AwsProfile[]]>()
  for (const profile of profiles) {
    const file = profile.configFile
    const key = file ? `${file.label}\0${formatLocation(file.location)}:${file.location.column}` : profile.location.path
    const group = groups.get(key)
    if (group) group.push(profile)
    else groups.set(key, [profile])
  }
  return [...groups.values()]
}

class ConfigFileChains {
  private readonly byName = new Map<string, AwsProfile>()
  private readonly label: string
  /** Findings about a profile that several containers read are reported once. */
  private readonly reported = new Set<string>()

  constructor(
    private readonly graph: Graph,
    private readonly clusters: readonly KnownCluster[],
    private readonly profiles: NonEmpty<AwsProfile>,
  ) {
    for (const profile of profiles) if (!this.byName.has(profile.name)) this.byName.set(profile.name, profile)
    this.label = profiles[0].configFile?.label ?? profiles[0].location.path
  }

  /** Each `source_profile` step: the profile it names exists, that role may assume the next, and the next trusts it. */
  *hops(): Iterable<FindingDraft> {
    for (const profile of this.profiles) {
      if (profile.sourceProfile === undefined || this.byName.get(profile.name) !== profile) continue
      const source = this.byName.get(profile.sourceProfile)
      if (!source) {
        const location = profile.sourceProfileLocation ?? profile.location
        yield {
          location,
          message: `Profile "${profile.name}" (${formatLocation(profile.location)}) names source_profile "${profile.sourceProfile}", which ${this.label} does not define, so the SDK fails with 'The source_profile "${profile.sourceProfile}" referenced in the profile "${profile.name}" does not exist'; add that profile or correct the name`,
          key: `${this.label} profile:${profile.name} source:${profile.sourceProfile}`,
        }
        continue
      }
      if (source === profile) continue
      const from = knownArn(source.roleArn)
      const to = knownArn(profile.roleArn)
      if (!from || !to) continue
      yield* this.trustOfNext(source, from, profile, to)
      yield* this.permissionsOfPrevious(source, from, profile, to)
    }
  }

  private *trustOfNext(
    source: AwsProfile,
    from: KnownValue,
    profile: AwsProfile,
    to: KnownValue,
  ): Iterable<FindingDraft> {
    const fromArn = parseRoleArn(from.value)!
    for (const { role } of this.graph.rolesNamedBy(to, NO_UNIT)) {
      const trust = role.trustPolicy
      if (!trust) continue
      const decision = evaluatePolicy(trust, assumeRoleRequest(from.value, fromArn.account, profile))
      if (decision.effect !== 'deny') continue
      const refusal = explainRefusal(decision, from.value, fromArn, profile)
      const location = refusal.location ?? trust.location
      yield {
        location,
        message:
          `${capitalise(trustTitle(role))} (${formatLocation(location)}) does not let the role of profile "${source.name}" assume it: ${refusal.why}; ` +
          `profile "${profile.name}" (${formatLocation(to.location)}) fails with AccessDenied on ${ASSUME_ROLE}; ${refusal.fix}`,
        related: [
          { location: to.location, message: `profile "${profile.name}" role_arn` },
          { location: from.location, message: `profile "${source.name}" role_arn` },
        ],
        key: `${this.label} profile:${profile.name} trust:${to.value}`,
      }
    }
  }

  private *permissionsOfPrevious(
    source: AwsProfile,
    from: KnownValue,
    profile: AwsProfile,
    to: KnownValue,
  ): Iterable<FindingDraft> {
    for (const { role } of this.graph.rolesNamedBy(from, NO_UNIT)) {
      if (!role.permissions?.complete) continue
      const decision = identityAllows(role.permissions, ASSUME_ROLE, to.value)
      if (decision.allowed !== false) continue
      const location = decision.deniedBy?.location ?? role.permissions.statements[0]?.location ?? role.location
      const why = decision.deniedBy
        ? `a Deny statement (${formatLocation(decision.deniedBy.location)}) forbids it`
        : `no statement of its permission policies in the scan allows it`
      yield {
        location,
        message:
          `${capitalise(roleTitle(role))} (${formatLocation(role.location)}), the role of profile "${source.name}", may not ${ASSUME_ROLE} on "${to.value}": ${why}; ` +
          `profile "${profile.name}" (${formatLocation(to.location)}) fails with "is not authorized to perform: ${ASSUME_ROLE}"; ` +
          `allow "${ASSUME_ROLE}" on "${to.value}" in its permission policy`,
        related: [{ location: to.location, message: `profile "${profile.name}" role_arn` }],
        key: `${this.label} profile:${profile.name} permission:${from.value}`,
      }
    }
  }

  /** What one container's SDK does with this file: the profile it selects, and where its chain starts. */
  *reader(reader: AwsConfigReader): Iterable<FindingDraft> {
    if (reader.profile && reader.profile.kind !== 'known') return
    const who = `container ${reader.container} of ${reader.workload.kind} ${describeWorkload(reader)}`
    const selected = reader.profile?.value ?? 'default'
    const profile = this.byName.get(selected)
    if (!profile) {
      if (reader.profile) {
        yield {
          location: reader.profile.location,
          message: `AWS_PROFILE of ${who} is "${selected}", which ${this.label} does not define, so the SDK fails with "The config profile (${selected}) could not be found"; name one of its profiles (${[...this.byName.keys()].join(', ')})`,
          key: `${this.label} reader:${describeWorkload(reader)}/${reader.container} profile:${selected}`,
        }
        return
      }
      const heads = this.profiles.filter(
        (candidate) =>
          candidate.sourceProfile !== undefined &&
          !this.profiles.some((other) => other.sourceProfile === candidate.name),
      )
      const [head] = heads
      if (!head) return
      // The application may still pick the profile in code: likely, not certain.
      yield {
        location: reader.containerLocation,
        level: 'warning',
        message:
          `${capitalise(who)} reads ${this.label} but sets no AWS_PROFILE, and the file has no [default] profile, so unless the application selects a profile itself the SDK never follows the chain and uses the ServiceAccount's role alone; ` +
          `set AWS_PROFILE to "${head.name}" (${formatLocation(head.location)})`,
        related: [{ location: head.location, message: `profile "${head.name}"` }],
        key: `${this.label} reader:${describeWorkload(reader)}/${reader.container} unselected`,
      }
      return
    }
    const first = this.webIdentityProfile(profile)
    if (!first?.webIdentityTokenFile) return
    for (const finding of [...this.tokenFile(first, reader, who), ...this.serviceAccountRole(first, reader)]) {
      if (this.reported.has(finding.key)) continue
      this.reported.add(finding.key)
      yield finding
    }
  }

  /** The profile the chain starts from (it has no source_profile); undefined on a loop. */
  private webIdentityProfile(profile: AwsProfile): AwsProfile | undefined {
    const seen = new Set<AwsProfile>()
    let current: AwsProfile | undefined = profile
    while (current?.sourceProfile !== undefined) {
      if (seen.has(current)) return undefined
      seen.add(current)
      current = this.byName.get(current.sourceProfile)
    }
    return current
  }

  private *tokenFile(first: AwsProfile, reader: AwsConfigReader, who: string): Iterable<KeyedFinding> {
    const file = first.webIdentityTokenFile
    if (file?.kind !== 'known' || file.value === WEBHOOK_TOKEN_FILE) return
    if (reader.mountPaths.some((path) => file.value.startsWith(`${path.replace(/\/+$/, '')}/`))) return
    yield {
      location: file.location,
      message: `Profile "${first.name}" (${formatLocation(first.location)}) reads the web identity token from "${file.value}", but the pod identity webhook mounts it at "${WEBHOOK_TOKEN_FILE}" and ${who} mounts nothing at that path; set web_identity_token_file = ${WEBHOOK_TOKEN_FILE}`,
      key: `${this.label} profile:${first.name} token-file`,
    }
  }

  /** The web-identity profile must assume the role the ServiceAccount's token is for. */
  private *serviceAccountRole(first: AwsProfile, reader: AwsConfigReader): Iterable<KeyedFinding> {
    const { namespace, serviceAccountName } = reader.workload
    const accounts = this.graph.serviceAccountsNamed(namespace, serviceAccountName ?? 'default')
    const profileRole = knownArn(first.roleArn)
    for (const sa of accounts) {
      if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known') continue
      if (!sa.roleArn) {
        yield {
          location: sa.location,
          message: `${describeServiceAccount(sa)} has no eks.amazonaws.com/role-arn annotation, so the webhook mounts no token for profile "${first.name}" (${formatLocation(first.location)}) of ${this.label} to read; annotate it with ${profileRole ? `"${profileRole.value}"` : 'the role of that profile'}`,
          related: [
            {
              location: first.webIdentityTokenFile!.location,
              message: `profile "${first.name}" web_identity_token_file`,
            },
          ],
          key: `${this.label} profile:${first.name} sa:${sa.namespace.value}/${sa.name.value} unannotated`,
        }
        continue
      }
      const annotated = knownArn(sa.roleArn)
      if (!profileRole || !annotated || sameRoleArn(profileRole.value, annotated.value)) continue
      const trust = this.tokenDecision(profileRole, sa)
      if (trust === 'allow' || trust === 'unknown') continue
      // Without that role's trust in the scan, it may accept the token too: likely broken, not certain.
      const refused = trust === 'deny' ? `, whose trust refuses that token` : ''
      yield {
        location: profileRole.location,
        ...(trust === 'deny' ? {} : { level: 'warning' as const }),
        message:
          `Profile "${first.name}" (${formatLocation(first.location)}) presents the web identity token of ${describeServiceAccount(sa)} to role "${profileRole.value}"${refused}, ` +
          `but the ServiceAccount's IRSA role (its eks.amazonaws.com/role-arn) is "${annotated.value}"; set role_arn = ${annotated.value}, or annotate the ServiceAccount with "${profileRole.value}" and make that role's trust accept its token`,
        related: [
          { location: annotated.location, message: `ServiceAccount ${sa.namespace.value}/${sa.name.value} role-arn` },
        ],
        key: `${this.label} profile:${first.name} sa:${sa.namespace.value}/${sa.name.value} role`,
      }
    }
  }

  /**
   * What the trust of the profile's role (when the scan defines it) makes of the ServiceAccount's
   * token: another role that accepts it serves as well. undefined when no such trust is in the scan.
   */
  private tokenDecision(roleArn: KnownValue, sa: ServiceAccount): 'allow' | 'deny' | 'unknown' | undefined {
    const effects = this.graph
      .rolesNamedBy(roleArn, NO_UNIT)
      .flatMap(({ role }: { role: Role }) => checkToken(sa, role, this.clusters)?.effect ?? [])
    if (effects.length === 0) return undefined
    return effects.includes('allow') ? 'allow' : effects.includes('unknown') ? 'unknown' : 'deny'
  }
}

/** `sts:AssumeRole` by the previous role's session; keys other than these are unknown (tags, source identity). */
function assumeRoleRequest(roleArn: string, account: string, assuming: AwsProfile): PolicyRequest {
  const externalId = assuming.externalId
  return {
    action: ASSUME_ROLE,
    principal: { type: 'AWS', id: roleArn },
    context: [
      { key: 'aws:PrincipalArn', values: [roleArn] },
      { key: 'aws:PrincipalAccount', values: [account] },
      { key: 'aws:PrincipalType', values: ['AssumedRole'] },
      // The SDK sends an ExternalId only when the profile that assumes the role sets external_id.
      { key: 'sts:ExternalId', values: externalId ? [externalId] : [] },
    ],
    unknownKeyPrefixes: [''],
    subject: `role ${roleArn}`,
  }
}

interface Refusal {
  /** The line to change in the trust. */
  location?: Location | undefined
  why: string
  fix: string
}

/** Why the trust refuses the previous role, from the statement closest to allowing it. */
function explainRefusal(decision: Decision, roleArn: string, arn: RoleArn, assuming: AwsProfile): Refusal {
  const addPrincipal = `add "${roleArn}" (or "arn:${arn.partition}:iam::${arn.account}:root") as an AWS principal allowed ${ASSUME_ROLE}`
  const denied = decision.deniedBy[0]
  if (denied)
    return {
      location: denied.statement.location,
      why: `${denied.label} denies it explicitly`,
      fix: `narrow that Deny statement so that it does not match "${roleArn}"`,
    }
  const allows = decision.statements.filter((outcome) => outcome.effect === 'Allow')
  const score = (outcome: StatementOutcome): number =>
    (outcome.principal === false ? 100 : 0) + (outcome.action === false ? 10 : 0) + outcome.mismatches.length
  const closest = [...allows].sort((a, b) => score(a) - score(b))[0]
  if (!closest) return { location: undefined, why: 'it has no Allow statement', fix: addPrincipal }
  if (closest.principal === false) {
    const trusted = (closest.statement.principal?.entries ?? []).flatMap((entry) =>
      entry.values.flatMap((value) => (value.kind === 'known' ? [`"${value.value}"`] : [])),
    )
    const named =
      trusted.length > 0
        ? `it trusts ${trusted.join(', ')}, not role "${roleArn}" (account ${arn.account})`
        : `its Principal does not name role "${roleArn}"`
    return {
      location: closest.statement.principal?.location ?? closest.statement.location,
      why: named,
      fix: addPrincipal,
    }
  }
  if (closest.action === false) {
    return {
      location: closest.statement.action?.location ?? closest.statement.location,
      why: `${closest.label} does not allow ${ASSUME_ROLE}`,
      fix: `add "${ASSUME_ROLE}" to its Action`,
    }
  }
  const condition = closest.mismatches.find(
    (mismatch): mismatch is ConditionMismatch => mismatch.element === 'Condition' && mismatch.result === false,
  )
  if (condition) {
    const externalId = keyText(condition.key).toLowerCase() === 'sts:externalid'
    const fix = externalId
      ? `set external_id in profile "${assuming.name}" to the value the trust expects`
      : `make that condition hold for role "${roleArn}", or drop it`
    return { location: condition.location, why: condition.message, fix }
  }
  return { location: closest.statement.location, why: decision.summary, fix: addPrincipal }
}

function knownArn(value: AwsProfile['roleArn']): KnownValue | undefined {
  return value?.kind === 'known' && parseRoleArn(value.value.trim())
    ? { ...value, value: value.value.trim() }
    : undefined
}

/** IAM role names are unique case-insensitively within an account. */
function sameRoleArn(a: string, b: string): boolean {
  const left = parseRoleArn(a)
  const right = parseRoleArn(b)
  return (
    left !== undefined &&
    right !== undefined &&
    left.account === right.account &&
    left.partition === right.partition &&
    left.name.toLowerCase() === right.name.toLowerCase()
  )
}

function describeWorkload(reader: AwsConfigReader): string {
  const { namespace, name } = reader.workload
  const text = (value: typeof name): string => (value.kind === 'known' ? value.value : '?')
  return namespace.kind === 'known' ? `${namespace.value}/${text(name)}` : text(name)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
