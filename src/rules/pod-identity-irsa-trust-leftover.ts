import type { Graph } from '../graph.js'
import type { PodIdentityAssociation, Role } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Location } from '../model/location.js'
import type { Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import { trustTitle } from './helpers/correlation.js'
import {
  associationsByRole,
  describeAssociation,
  podIdentityStatements,
  POD_IDENTITY_PRINCIPAL,
  sentenceStart,
} from './helpers/pod-identity.js'
import { isAllow, oidcStatements } from './helpers/trust.js'
import { trustedSubjects, type TrustedSubject } from './helpers/trusted-subjects.js'

export const podIdentityIrsaTrustLeftover: Rule = {
  meta: {
    id: 'pod-identity-irsa-trust-leftover',
    level: 'note',
    security: true,
    description: `A role's trust allows both an OIDC provider (IRSA) and ${POD_IDENTITY_PRINCIPAL} (EKS Pod Identity), as a migration leaves it: the role stays assumable with web identity tokens (a warning when the ServiceAccounts its IRSA statement names now get it through Pod Identity and none is annotated with it).`,
    remediation:
      'Once no ServiceAccount uses the role through IRSA any more, remove the IRSA (Federated) statement from its trust (eksctl utils migrate-to-pod-identity --remove-oidc-provider-trust-relationship).',
  },
  *check(graph) {
    const byRole = associationsByRole(graph)
    const subjects = trustedSubjects(graph)
    for (const role of graph.facts.roles) {
      const trust = role.trustPolicy
      if (!trust || podIdentityStatements(trust).length === 0) continue
      const [irsa] = oidcStatements(trust).filter(isAllow)
      // A trust a registry module writes from its inputs (terraform-aws-eks karpenter's enable_irsa) is located at the role.
      if (!irsa || sameLine(irsa.location, role.location)) continue
      yield leftover(graph, role, irsa, byRole.get(role) ?? [], subjectsOf(subjects, role))
    }
  },
}

function subjectsOf(all: ReadonlyMap<string, readonly TrustedSubject[]>, role: Role): TrustedSubject[] {
  return [...all.values()].flatMap((list) => list.filter((subject) => subject.role === role))
}

function leftover(
  graph: Graph,
  role: Role,
  irsa: Statement,
  associations: readonly PodIdentityAssociation[],
  subjects: readonly TrustedSubject[],
): FindingDraft {
  const both = `${sentenceStart(trustTitle(role))} lets an OIDC provider assume the role with web identity in ${describeStatement(irsa)} and also trusts ${POD_IDENTITY_PRINCIPAL}`
  const migrated =
    graph.serviceAccountsUsing(role).length === 0 &&
    subjects.length > 0 &&
    subjects.every((subject) => covered(graph, subject, associations))
  const base = { location: irsa.location, key: `${statementKey(role, irsa)} irsa-leftover` }
  if (migrated) {
    const names = subjects.map((subject) => `${subject.namespace}/${subject.name}`).join(', ')
    return {
      ...base,
      level: 'warning',
      message:
        `${both}, and the ServiceAccounts the IRSA statement names (${names}) now get the role through EKS Pod Identity (${associations.map(describeAssociation).join('; ')}) with no role-arn annotation: ` +
        `the IRSA statement is a migration leftover that still lets web identity tokens of those ServiceAccounts assume the role; remove it from the trust`,
      related: associations.map((association) => ({
        location: association.location,
        message: describeAssociation(association),
      })),
    }
  }
  return {
    ...base,
    message: `${both}: while both stay, the role can be assumed through either; remove the IRSA statement once no ServiceAccount uses the role through IRSA (eks.amazonaws.com/role-arn)`,
  }
}

/** The ServiceAccount the IRSA statement names is defined in the scan and mapped to the role by an association. */
function covered(graph: Graph, subject: TrustedSubject, associations: readonly PodIdentityAssociation[]): boolean {
  const mapped = associations.some(
    (association) =>
      association.namespace.kind === 'known' &&
      association.namespace.value === subject.namespace &&
      association.serviceAccount.kind === 'known' &&
      association.serviceAccount.value === subject.name,
  )
  if (!mapped) return false
  const defined = graph.facts.serviceAccounts.filter(
    (sa) =>
      sa.namespace.kind === 'known' &&
      sa.namespace.value === subject.namespace &&
      sa.name.kind === 'known' &&
      sa.name.value === subject.name,
  )
  return defined.length > 0 && defined.every((sa) => sa.roleArn === undefined)
}

function sameLine(a: Location, b: Location): boolean {
  return a.path === b.path && a.line === b.line
}
