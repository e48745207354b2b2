import { single } from './collections.js'
import { parseOidcProviderArn, parseRoleArn, issuerHostPath } from './iam/arn.js'
import {
  sameUnitOrNone,
  type Cluster,
  type DeployUnit,
  type Facts,
  type OidcProvider,
  type Role,
  type ServiceAccount,
  type TemplateVariable,
  type Workload,
} from './model/facts.js'
import type { Value } from './model/value.js'

export type RoleLinkVia = 'arn' | 'reference' | 'name'

/** The fact a join is made for: its deploy unit decides what it may meet. */
export interface JoinedFrom {
  unit?: DeployUnit
}

/** For values written where no unit applies (an AWS config file, live AWS): references join facts of no unit. */
export const NO_UNIT: JoinedFrom = {}

export interface RoleLink {
  role: Role
  via: RoleLinkVia
}

/**
 * The joins between facts: workload → ServiceAccount (namespace-aware), ServiceAccount → role (by
 * ARN, shared reference, or account + path + name), role → OIDC provider, provider → cluster.
 * Built once with hash maps, so linking is linear in the number of facts.
 *
 * Joins respect deploy units (model/facts.ts DeployUnit): a reference (`module.irsa.iam_role_arn`)
 * means something only inside its unit, so it joins facts of the same unit; a name joins facts of
 * the same unit or of none; a literal ARN ties units together, preferring a role of the same unit.
 */
export class Graph {
  readonly facts: Facts
  private readonly serviceAccountsByKey = new Map<string, ServiceAccount[]>()
  private readonly rolesByArn = new Map<string, Role[]>()
  private readonly rolesByName = new Map<string, Role[]>()
  private readonly rolesByReference = new Map<string, Role[]>()
  private readonly providersByHostPath = new Map<string, OidcProvider[]>()
  private readonly providersByReference = new Map<string, OidcProvider[]>()
  private readonly serviceAccountsByRole = new Map<Role, ServiceAccount[]>()
  private readonly roleLinks = new Map<ServiceAccount, RoleLink[]>()
  private readonly templateVariablesByName = new Map<string, TemplateVariable[]>()

  constructor(facts: Facts) {
    this.facts = facts
    for (const sa of facts.serviceAccounts) push(this.serviceAccountsByKey, objectKey(sa.namespace, sa.name), sa)
    for (const role of facts.roles) this.indexRole(role)
    for (const provider of facts.oidcProviders) this.indexProvider(provider)
    for (const variable of facts.templateVariables ?? [])
      push(this.templateVariablesByName, variable.name.toLowerCase(), variable)
    for (const sa of facts.serviceAccounts) {
      const links = this.resolveRoles(sa)
      this.roleLinks.set(sa, links)
      for (const link of links) push(this.serviceAccountsByRole, link.role, sa)
    }
  }

  /** The ServiceAccounts a workload runs as, in its namespace (several when the same SA is defined twice). */
  serviceAccountsOf(workload: Workload): ServiceAccount[] {
    return this.serviceAccountsNamed(workload.namespace, workload.serviceAccountName ?? 'default', workload)
  }

  /** The ServiceAccounts of this namespace and name, anywhere; with `from`, those of its unit or of none. */
  serviceAccountsNamed(namespace: Value, name: Value | string, from?: JoinedFrom): ServiceAccount[] {
    const all = this.serviceAccountsByKey.get(objectKey(namespace, name)) ?? []
    return from === undefined ? all : all.filter((sa) => sameUnitOrNone(sa.unit, from.unit))
  }

  /** The roles a ServiceAccount's role-arn annotation names, as far as the sources define them. */
  rolesOf(sa: ServiceAccount): RoleLink[] {
    return this.roleLinks.get(sa) ?? []
  }

  /** The ServiceAccounts whose annotation names this role. */
  serviceAccountsUsing(role: Role): ServiceAccount[] {
    return this.serviceAccountsByRole.get(role) ?? []
  }

  /** The providers a trust policy's Federated value, written in `from` (its role), names (by ARN or shared reference); `any-unit` looks in every unit. */
  providersNamed(federated: Value, from: JoinedFrom | 'any-unit'): OidcProvider[] {
    if (federated.kind === 'symbolic') {
      const named = this.providersByReference.get(federated.expression) ?? []
      return from === 'any-unit' ? named : named.filter((provider) => provider.unit === from.unit)
    }
    const arn = parseOidcProviderArn(federated.value)
    if (!arn) return []
    return (this.providersByHostPath.get(arn.issuerHostPath) ?? []).filter((provider) => {
      const account = provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.account : undefined
      return account === undefined || account === arn.account
    })
  }

  /** Clusters whose issuer is known. */
  clustersWithIssuer(): Cluster[] {
    return this.facts.clusters.filter((cluster) => cluster.issuer?.kind === 'known')
  }

  private indexRole(role: Role): void {
    if (role.arn?.kind === 'known') {
      const arn = parseRoleArn(role.arn.value)
      if (arn) push(this.rolesByArn, arn.account + arn.path + arn.name.toLowerCase(), role)
    }
    if (role.name?.kind === 'known') push(this.rolesByName, role.name.value.toLowerCase(), role)
    for (const reference of role.arnReferences) push(this.rolesByReference, reference, role)
    if (role.arn?.kind === 'symbolic') push(this.rolesByReference, role.arn.expression, role)
  }

  private indexProvider(provider: OidcProvider): void {
    for (const reference of provider.arnReferences) push(this.providersByReference, reference, provider)
    if (provider.arn?.kind === 'symbolic') push(this.providersByReference, provider.arn.expression, provider)
    const hostPath =
      provider.arn?.kind === 'known'
        ? parseOidcProviderArn(provider.arn.value)?.issuerHostPath
        : provider.url?.kind === 'known'
          ? issuerHostPath(provider.url.value)
          : undefined
    if (hostPath) push(this.providersByHostPath, hostPath, provider)
  }

  /**
   * The roles a role ARN value written in `from` names (an annotation, a Pod Identity
   * association's role_arn), as far as the sources define them: by ARN, by shared reference (in
   * the same unit), or by account, path and name (in the same unit when one there matches).
   */
  rolesNamedBy(roleArn: Value, from: JoinedFrom): RoleLink[] {
    if (roleArn.kind === 'symbolic') {
      return (this.rolesByReference.get(roleArn.expression) ?? [])
        .filter((role) => role.unit === from.unit)
        .map((role) => ({ role, via: 'reference' }))
    }
    const arn = parseRoleArn(roleArn.value.trim())
    if (!arn) return []
    // IAM role names are unique case-insensitively within an account.
    const byArn = this.rolesByArn.get(arn.account + arn.path + arn.name.toLowerCase()) ?? []
    if (byArn.length > 0) return byArn.map((role) => ({ role, via: 'arn' }))
    const byName = (this.rolesByName.get(arn.name.toLowerCase()) ?? []).filter((role) => {
      if (role.arn?.kind === 'known') return false
      const account = role.account?.kind === 'known' ? role.account.value : undefined
      // A role whose path no source states (a plain trust file bound by name) matches any path.
      const pathMatches = role.path?.kind !== 'known' || role.path.value === arn.path
      return (account === undefined || account === arn.account) && pathMatches
    })
    const inUnit = from.unit === undefined ? [] : byName.filter((role) => role.unit === from.unit)
    return (inUnit.length > 0 ? inUnit : byName).map((role) => ({ role, via: 'name' }))
  }

  /**
   * What may fill a manifest's `${NAME}` role ARN at deploy time (a Terraform output of that name,
   * case aside, or a script's assignment before it runs envsubst on the file), and the values
   * that do: those tied to the manifest (a script that names the file; an output whose scope
   * holds it, sources/terraform/template-variables.ts outputScope), else the only one of the
   * repository. `filling` is empty when none or several remain.
   */
  templateVariablesOf(
    sa: ServiceAccount,
  ): { candidates: TemplateVariable[]; filling: TemplateVariable | undefined } | undefined {
    if (sa.roleArn?.kind !== 'symbolic' || (sa.source !== 'kubernetes' && sa.source !== 'kustomize')) return undefined
    const name = TEMPLATE_VARIABLE.exec(sa.roleArn.expression)
      ?.slice(1)
      .find((group) => group !== undefined)
    if (name === undefined) return undefined
    const candidates = this.templateVariablesByName.get(name.toLowerCase()) ?? []
    if (candidates.length === 0) return undefined
    // The file the annotation is written in (a Kustomize patch, not the base it patches) is the one envsubst fills.
    const path = sa.roleArn.location.path
    const tied = candidates.filter((variable) =>
      variable.files ? variable.files.includes(path) : variable.scope === '' || path.startsWith(`${variable.scope}/`),
    )
    const only = single(candidates)
    const remaining = tied.length > 0 ? tied : only && only.files === undefined ? [only] : []
    return { candidates, filling: single(remaining) }
  }

  private resolveRoles(sa: ServiceAccount): RoleLink[] {
    if (!sa.roleArn) return []
    const filling = this.templateVariablesOf(sa)?.filling
    return filling ? this.rolesNamedBy(filling.value, filling) : this.rolesNamedBy(sa.roleArn, sa)
  }
}

/** A role ARN that is one envsubst variable: `${NAME}` or `$NAME`. */
const TEMPLATE_VARIABLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/

/** Namespace-aware key of a namespaced object; symbolic parts key by their expression. */
export function objectKey(namespace: Value, name: Value | string): string {
  return `${valueKey(namespace)}/${typeof name === 'string' ? `k:${name}` : valueKey(name)}`
}

function valueKey(value: Value): string {
  return value.kind === 'known' ? `k:${value.value}` : `s:${value.expression}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
