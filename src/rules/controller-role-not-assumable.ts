import type { AssumedRole, KubeObject, Role, ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { PolicyDocument, Statement } from '../model/policy.js'
import { parseRoleArn } from '../iam/arn.js'
import type { Rule } from './rule.js'
import { trustTitle } from './helpers/correlation.js'
import { objectTitle, quoted, serviceAccountTitle } from './helpers/kubernetes.js'

export const controllerRoleNotAssumable: Rule = {
  meta: {
    id: 'controller-role-not-assumable',
    level: 'error',
    description:
      "A cert-manager Issuer or ClusterIssuer names a Route53 role that cert-manager must assume with sts:AssumeRole, but the role's trust lets no AWS principal assume it (only web identity or services), typically the very IRSA role cert-manager already runs as.",
    remediation:
      "Remove the solver's role when it is the role cert-manager already has through IRSA, or add a trust statement that lets cert-manager's role (or itself) perform sts:AssumeRole.",
  },
  *check(graph) {
    for (const object of graph.facts.objects) {
      for (const assumed of object.assumedRoles ?? []) {
        if (assumed.roleArn.kind !== 'known') continue
        const arn = assumed.roleArn.value.trim()
        if (!parseRoleArn(arn)) continue
        const roles = graph.rolesNamedBy(assumed.roleArn, object).map((link) => link.role)
        // Every role the ARN may name must refuse: one that may accept is no finding.
        if (
          roles.length === 0 ||
          !roles.every((role) => role.trustPolicy !== undefined && trustsNoAwsPrincipal(role.trustPolicy))
        )
          continue
        const role = roles[0]!
        const irsa = graph.facts.serviceAccounts.find(
          (sa) => sa.roleArn?.kind === 'known' && sa.roleArn.value.trim() === arn,
        )
        yield finding(object, assumed, arn, role, irsa)
      }
    }
  },
}

function finding(object: KubeObject, assumed: AssumedRole, arn: string, role: Role, irsa: ServiceAccount | undefined) {
  const trust = role.trustPolicy!
  const related = [{ location: trust.location, message: trustTitle(role) }]
  const base =
    `${objectTitle(object)} asks ${assumed.by} to assume role ${quoted(arn)} (${assumed.field}) with sts:AssumeRole, but ${trustTitle(role)} (${formatLocation(trust.location)}) ` +
    `lets no AWS principal assume it, only web identity or service principals, so STS answers "is not authorized to perform: sts:AssumeRole"`
  if (irsa) {
    related.push({ location: irsa.location, message: `${serviceAccountTitle(irsa)}, annotated with the role` })
    return {
      location: assumed.location,
      message: `${base}. ${serviceAccountTitle(irsa)} (${formatLocation(irsa.location)}) already gets this role through IRSA: remove ${assumed.field.split('.').pop()} from the solver, or add a trust statement that lets ${quoted(arn)} itself perform sts:AssumeRole`,
      related,
      key: `${objectTitle(object)} ${assumed.field}`,
    }
  }
  return {
    location: assumed.location,
    message: `${base}: add a trust statement that lets the role ${assumed.by} runs as perform sts:AssumeRole on it`,
    related,
    key: `${objectTitle(object)} ${assumed.field}`,
  }
}

/** No Allow statement may name an AWS principal: every one names only Federated or Service principals by literal values. */
function trustsNoAwsPrincipal(trust: PolicyDocument): boolean {
  if (!trust.hasStatement || (trust.symbolicStatements ?? []).length > 0 || trust.statements.length === 0) return false
  return trust.statements.every((statement) => !mayAllowAwsPrincipal(statement))
}

function mayAllowAwsPrincipal(statement: Statement): boolean {
  if (statement.effect?.kind === 'known' && statement.effect.value === 'Deny') return false
  if (statement.notPrincipal || !statement.principal || statement.principal.wildcard) return true
  return statement.principal.entries.some(
    (entry) =>
      (entry.type !== 'Federated' && entry.type !== 'Service') || entry.values.some((value) => value.kind !== 'known'),
  )
}
