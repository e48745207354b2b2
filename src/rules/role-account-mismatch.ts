import { single } from '../collections.js'
import type { Graph } from '../graph.js'
import { parseOidcProviderArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import type { Role } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import {
  annotatedRole,
  describeServiceAccount,
  roleIdentity,
  roleKey,
  roleTitle,
  serviceAccountKey,
  trustTitle,
  withAccount,
} from './helpers/correlation.js'
import { rolesInOtherAccounts } from './helpers/role-index.js'
import { federatedValues } from './helpers/trust.js'

export const roleAccountMismatch: Rule = {
  meta: {
    id: 'role-account-mismatch',
    level: 'error',
    description:
      "A role's trust names an OIDC provider of another account (IAM accepts only a provider in the role's own account), or a ServiceAccount's annotation names the role in another account than the one that defines it.",
    remediation:
      "Create the cluster's OIDC provider in the role's account and name that provider in the trust; make the annotation's account the one where the role is defined.",
  },
  *check(graph) {
    yield* providersInOtherAccounts(graph)
    yield* annotationsInOtherAccounts(graph)
  },
}

function* providersInOtherAccounts(graph: Graph): Iterable<FindingDraft> {
  for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
    const home = roleAccount(graph, role)
    if (!home) continue
    for (const federated of federatedValues(statement)) {
      if (federated.kind !== 'known') continue
      const provider = parseOidcProviderArn(federated.value)
      if (!provider || provider.account === home.account) continue
      const fixed = `arn:${provider.partition}:iam::${home.account}:oidc-provider/${provider.issuerHostPath}`
      yield {
        location: federated.location,
        message:
          `${trustTitle(role)} names the OIDC provider of account ${provider.account}, but the role is in account ${home.account} (${formatLocation(home.location)}) ` +
          `and IAM accepts only a provider of the role's own account; create an OIDC provider for ${provider.issuerHostPath} in account ${home.account} and name "${fixed}"`,
        related: [{ location: home.location, message: `the role's account ${home.account}` }],
        key: `${roleKey(role)} provider:${federated.value}`,
      }
    }
  }
}

/** The account a role lives in: stated by its source, else agreed on by every annotation that names it. */
function roleAccount(graph: Graph, role: Role): { account: string; location: Location } | undefined {
  const stated = roleIdentity(role).account
  if (stated !== undefined) {
    const where = role.account?.kind === 'known' ? role.account.location : (role.arn?.location ?? role.location)
    return { account: stated, location: where }
  }
  const annotated = graph.serviceAccountsUsing(role).flatMap((sa) => {
    const found = annotatedRole(sa)
    return found ? [{ account: found.arn.account, location: found.value.location }] : []
  })
  const accounts = new Set(annotated.map((entry) => entry.account))
  return accounts.size === 1 ? annotated[0] : undefined
}

function* annotationsInOtherAccounts(graph: Graph): Iterable<FindingDraft> {
  for (const sa of graph.facts.serviceAccounts) {
    const annotated = annotatedRole(sa)
    if (!annotated || graph.rolesOf(sa).length > 0) continue
    const elsewhere = rolesInOtherAccounts(graph, annotated.arn, sa)
    const [role] = elsewhere
    if (!role) continue
    const accounts = [...new Set(elsewhere.flatMap((other) => roleIdentity(other).account ?? []))]
    const account = single(accounts)
    const where = elsewhere
      .map((other) => `${roleIdentity(other).account} (${formatLocation(other.location)})`)
      .join(', ')
    const fix =
      account !== undefined
        ? `change the annotation to "${withAccount(annotated.arn, account)}"`
        : 'change the annotation to the account that defines the role'
    yield {
      location: annotated.value.location,
      message:
        `${describeServiceAccount(sa)} names ${roleTitle(role)} in account ${annotated.arn.account}, but the scanned sources define that role in account ${where}; ` +
        `${fix}, or define the role in account ${annotated.arn.account}`,
      related: elsewhere.map((other) => ({
        location: other.location,
        message: `${roleTitle(other)} in account ${roleIdentity(other).account}`,
      })),
      key: `${serviceAccountKey(sa)} ${roleKey(role)} account:${annotated.arn.account}`,
    }
  }
}
