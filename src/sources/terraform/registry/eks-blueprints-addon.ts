import type { SourceFinding } from '../../../model/finding.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { Expr } from '../ast.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { printExpr } from '../print.js'
import {
  addReleaseServiceAccounts,
  listedSets,
  mergeReleaseValues,
  reportUnescapedAnnotationKeys,
  setPath,
  type HelmSet,
  type ReleaseServiceAccount,
} from '../resources/helm.js'
import { present } from '../resources/iam.js'
import {
  iterate,
  nullValue,
  objectEntry,
  objectValue,
  scalarString,
  stringValue,
  toFactValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type UnknownPart,
} from '../values.js'
import {
  addModuleRole,
  moduleRole,
  policyDocument,
  selfAssumeStatement,
  webIdentityStatement,
} from './trust-statements.js'

const UNPINNED_RULE = 'helm-service-account-name-unpinned'

/**
 * aws-ia/terraform-aws-eks-blueprints-addon (`aws-ia/eks-blueprints-addon/aws`) 1.x, from its
 * main.tf, variables.tf and outputs.tf at v1.0.0 to v1.1.1 (the IRSA and Helm parts are the same
 * in all of them):
 * - `helm_release.this` (count `create && create_release`): name `try(coalesce(var.name, var.chart), "")`,
 *   namespace `try(coalesce(var.namespace, "default"))`, `values`, then `dynamic "set"` over
 *   `var.set`, then one `set` per `set_irsa_names` entry with value `aws_iam_role.this[0].arn`
 *   (when `create && create_role`), then `set_sensitive`.
 * - `aws_iam_role.this` (count `create && create_role`; `create_role` defaults to false): name
 *   `local.role_name = try(coalesce(var.role_name, var.name), "")`, a `name_prefix` of
 *   `"${local.role_name}-"` when `role_name_use_prefix` (default true); path `role_path` ("/").
 * - `data.aws_iam_policy_document.assume`: the self-assume statement when `allow_self_assume_role`,
 *   then per `oidc_providers` entry: Federated `provider_arn`, `assume_role_condition_test`
 *   (StringEquals) on `<issuer>:sub` = `system:serviceaccount:${try(namespace, local.namespace)}:${service_account}`
 *   and `<issuer>:aud` = sts.amazonaws.com.
 * - outputs `iam_role_arn`, `iam_role_name`, `iam_role_path`, and the release's `name`, `namespace`, `chart`.
 *
 * A `create*` flag that is false through an expression (a caller's toggle, `var.enable_x`) is read
 * as "may be created": what it creates is checked as if it were.
 */
export class BlueprintsAddonModule implements CalledModule {
  private readonly label: string
  private readonly inputs: AddonInputs

  /** `inputs` stands for the call's arguments when another module's emulation calls this one (eks-blueprints-addons). */
  constructor(
    private readonly call: Pick<ModuleCallRequest, 'prefix' | 'rootDir'> & {
      view: Pick<ModuleCallRequest['view'], 'location' | 'block' | 'evaluator'>
    },
    inputs?: AddonInputs,
    /** More references that name the role's ARN (`module.addons.karpenter.iam_role_arn`). */
    private readonly arnAliases: readonly string[] = [],
  ) {
    this.label = call.prefix.replace(/\.$/, '')
    this.inputs = inputs ?? viewInputs(call.view as ModuleCallRequest['view'])
  }

  output(name: string, location: Location): HclValue {
    const roleMade = this.mayCreate('create') && this.mayCreate('create_role', false)
    switch (name) {
      case 'iam_role_arn':
      case 'iam_role_name':
      case 'iam_role_path':
        if (!roleMade) return nullValue(location)
        if (name === 'iam_role_name' && !this.usesPrefix()) return this.roleName()
        if (name === 'iam_role_path') return this.input('role_path') ?? stringValue('/', location)
        return unknownRef(`${this.call.prefix}${name}`, location)
      case 'name':
        return this.releaseName() ?? unknownRef(`${this.call.prefix}name`, location)
      case 'namespace':
        return this.namespace()
      default:
        return unknownRef(`${this.call.prefix}${name}`, location)
    }
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    if (!this.mayCreate('create')) return
    const roleMade = this.mayCreate('create_role', false)
    const serviceAccounts = this.mayCreate('create_release') ? this.addRelease(sink, roleMade) : []
    if (roleMade) this.addRole(sink, serviceAccounts)
  }

  private input(name: string): HclValue | undefined {
    return present(this.inputs.value(name))
  }

  /** False only when the flag is written as the literal `false` (or is false and defaults so); a toggle that is off is "may be". */
  private mayCreate(name: string, fallback = true): boolean {
    const value = this.input(name)
    if (value === undefined) return fallback
    if (value.kind !== 'bool' || value.value) return true
    const written = this.inputs.expression(name)
    return written !== undefined && written.kind !== 'literal'
  }

  private usesPrefix(): boolean {
    const flag = this.input('role_name_use_prefix')
    return !(flag?.kind === 'bool' && !flag.value)
  }

  /** `try(coalesce(var.name, var.chart), "")` */
  private releaseName(): HclValue | undefined {
    return nonEmpty(this.input('name')) ?? nonEmpty(this.input('chart')) ?? stringValue('', this.call.view.location)
  }

  /** `try(coalesce(var.namespace, "default"))` */
  private namespace(): HclValue {
    return (
      nonEmpty(this.input('namespace')) ??
      stringValue('default', this.inputs.attribute('namespace')?.location ?? this.call.view.location)
    )
  }

  /** `local.role_name = try(coalesce(var.role_name, var.name), "")` */
  private roleName(): HclValue {
    return nonEmpty(this.input('role_name')) ?? nonEmpty(this.input('name')) ?? stringValue('', this.call.view.location)
  }

  private roleArn(location: Location): HclValue {
    return unknownRef(`${this.call.prefix}iam_role_arn`, location)
  }

  private addRelease(sink: FactSink, roleMade: boolean): ReleaseServiceAccount[] {
    const view = this.call.view
    const given = { values: this.input('values'), set: this.input('set'), sensitive: this.input('set_sensitive') }
    const valuesKnown = Object.values(given).every((value) => value === undefined || value.kind === 'tuple')
    const sets: HelmSet[] = [...listedSets(given.set)]
    const irsaNames = this.input('set_irsa_names')
    const annotatedPaths: string[][] = []
    if (roleMade && irsaNames?.kind === 'tuple') {
      for (const item of irsaNames.items) {
        const path = scalarString(item)
        const at = path ? setPath(path).lastIndexOf('annotations') : -1
        if (path && at > 0) annotatedPaths.push(setPath(path).slice(0, at))
        sets.push({
          line: item.location.line,
          name: item,
          value: this.roleArn(item.location),
          type: undefined,
          keyLocation: item.location,
          forceString: false,
        })
      }
    }
    sets.push(...listedSets(given.sensitive))
    reportUnescapedAnnotationKeys(sink, sets, `${this.call.prefix}helm_release.this[0]`)
    const chart = this.input('chart')
    const version = this.input('chart_version')
    return addReleaseServiceAccounts(sink, {
      chart: chart ? scalarString(chart) : undefined,
      version: version ? (scalarString(version) ?? null) : undefined,
      release: this.releaseName(),
      releaseLocation:
        this.inputs.attribute('name')?.location ?? this.inputs.attribute('chart')?.location ?? view.location,
      namespace: toFactValue(this.namespace()) ?? known('default', view.location),
      values: mergeReleaseValues(given.values, sets, view.location),
      valuesKnown,
      annotatedPaths,
      location: view.location,
      span: { fromLine: view.location.line, toLine: view.block.endLine },
      terraform: { root: this.call.rootDir, address: `${this.call.prefix}helm_release.this[0]` },
    })
  }

  private addRole(sink: FactSink, serviceAccounts: readonly ReleaseServiceAccount[]): void {
    const view = this.call.view
    const location = view.location
    const role = moduleRole(this.call, ['iam_role_arn'], 'this[0]', this.arnAliases)
    const roleName = this.roleName()
    const nameLocation =
      this.inputs.attribute('role_name')?.location ?? this.inputs.attribute('name')?.location ?? location
    if (this.usesPrefix()) {
      const text = scalarString(roleName)
      role.generatedName = {
        prefix:
          text !== undefined
            ? known(`${text}-`, nameLocation)
            : symbolic(
                `${toFactValue(roleName)?.kind === 'symbolic' ? printedValue(roleName) : `${this.label}.role_name`}-`,
                nameLocation,
              ),
        location: nameLocation,
      }
    } else {
      role.name = toFactValue(roleName) ?? symbolic(`${this.label}.role_name`, nameLocation)
    }
    role.path = toFactValue(this.input('role_path')) ?? known('/', location)
    addModuleRole(sink, role, this.trustPolicy())
    sink.findings.push(...this.unpinnedServiceAccounts(serviceAccounts))
  }

  private trustPolicy(): HclValue {
    const view = this.call.view
    const location = view.location
    const statements: HclValue[] = []
    // Later 1.x (main at 0f109f7, aws-ia/terraform-aws-eks-blueprints-addon#43): `trust_policy_statements` come first; not read, they stay unknown.
    const extra = this.input('trust_policy_statements')
    if (extra && !(extra.kind === 'tuple' && extra.items.length === 0))
      statements.push(unknownRef(`${this.call.prefix}trust_policy_statements`, extra.location))
    const selfAssume = this.input('allow_self_assume_role')
    if (selfAssume?.kind === 'bool' && selfAssume.value)
      statements.push(selfAssumeStatement(unknownRef(`${this.label}.self_role_arn`, location), location))
    const test = this.input('assume_role_condition_test') ?? stringValue('StringEquals', location)
    const testLocation = this.inputs.attribute('assume_role_condition_test')?.location ?? location
    const providers = this.input('oidc_providers')
    if (providers?.kind === 'unknown')
      statements.push(unknownRef(`${this.call.prefix}oidc_providers`, providers.location))
    else if (providers?.kind === 'object' || providers?.kind === 'tuple') {
      const pairs = iterate(providers).sort(([a], [b]) =>
        providers.kind === 'tuple' ? 0 : String(scalarString(a)) < String(scalarString(b)) ? -1 : 1,
      )
      for (const [key, provider] of pairs)
        statements.push(
          this.providerStatement(
            provider,
            providers.kind === 'object' ? key.location : provider.location,
            test,
            testLocation,
          ),
        )
    }
    return policyDocument(statements, this.inputs.attribute('oidc_providers')?.location ?? location, location)
  }

  private providerStatement(provider: HclValue, location: Location, test: HclValue, testLocation: Location): HclValue {
    if (provider.kind === 'unknown') return provider
    const arnEntry = objectEntry(provider, 'provider_arn')
    const namespace = present(objectEntry(provider, 'namespace')?.value) ?? this.namespace()
    const accountEntry = objectEntry(provider, 'service_account')
    const account = accountEntry?.value ?? unknownRef(`${this.call.prefix}oidc_providers.service_account`, location)
    const subjectLocation = accountEntry?.keyLocation ?? location
    return webIdentityStatement({
      arn: arnEntry?.value ?? unknownRef(`${this.call.prefix}oidc_providers.provider_arn`, location),
      arnLocation: arnEntry?.keyLocation ?? location,
      subjects: [subject(namespace, account, subjectLocation)],
      subjectsLocation: subjectLocation,
      test,
      testLocation,
      location,
      evaluator: this.call.view.evaluator,
    })
  }

  /**
   * The release's chart names a ServiceAccount after the release, the role trusts that name, and
   * the two agree only because the release name's expression gives it today: `name` is an
   * expression (a caller's input) and the trusted `service_account` is written independently of it.
   */
  private unpinnedServiceAccounts(serviceAccounts: readonly ReleaseServiceAccount[]): SourceFinding[] {
    const findings: SourceFinding[] = []
    const view = this.call.view
    const releaseExpression = this.inputs.expression('name') ?? this.inputs.expression('chart')
    if (!releaseExpression || releaseExpression.kind === 'literal') return findings
    const releaseText = printExpr(releaseExpression)
    const providers = this.inputs.expression('oidc_providers')
    if (providers?.kind !== 'object') return findings
    const providerValues = this.input('oidc_providers')
    for (const item of providers.items) {
      const written = accountExpression(item.value)
      if (!written || printExpr(written.expression).includes(releaseText)) continue
      const provider = item.keyName !== undefined ? objectEntry(providerValues, item.keyName)?.value : undefined
      const account = scalarString(
        present(objectEntry(provider, 'service_account')?.value) ?? nullValue(written.location),
      )
      const namespace = scalarString(present(objectEntry(provider, 'namespace')?.value) ?? this.namespace())
      if (account === undefined || namespace === undefined) continue
      const follows = serviceAccounts.find(
        (each) =>
          each.naming === 'release' &&
          each.name.kind === 'known' &&
          each.name.value === account &&
          each.namespace.kind === 'known' &&
          each.namespace.value === namespace,
      )
      if (!follows) continue
      const chart = scalarString(this.input('chart') ?? nullValue(view.location)) ?? ''
      findings.push({
        ruleId: UNPINNED_RULE,
        location: written.location,
        message:
          `${this.label} trusts ServiceAccount ${namespace}/${account}, but chart ${chart} names its ServiceAccount after the Helm release, ` +
          `whose name is set apart from it (${releaseText}); a release with another name breaks the chain. Set ${[...follows.path, 'name'].join('.')} to ${account} in the release's values`,
        key: `${this.label} sa:${namespace}/${account}`,
      })
    }
    return findings
  }
}

/** The arguments of a call: their values, where they are written, and how. */
export interface AddonInputs {
  value(name: string): HclValue | undefined
  attribute(name: string): { location: Location } | undefined
  /** The written expression, when the arguments are written in the scanned source. */
  expression(name: string): Expr | undefined
}

function viewInputs(view: ModuleCallRequest['view']): AddonInputs {
  return {
    value: (name) => view.value(name),
    attribute: (name) => view.attribute(name),
    expression: (name) => view.attribute(name)?.expression,
  }
}

/** `system:serviceaccount:<namespace>:<name>`, text or a template. */
function subject(namespace: HclValue, account: HclValue, location: Location): HclValue {
  const parts = (value: HclValue): UnknownPart[] => {
    if (value.kind === 'unknown') return value.parts
    return [{ text: scalarString(value) ?? '' }]
  }
  const template = unknownTemplate(
    [{ text: 'system:serviceaccount:' }, ...parts(namespace), { text: ':' }, ...parts(account)],
    account.location ?? location,
  )
  if (template.parts.every((each) => 'text' in each))
    return stringValue(template.parts.map((each) => ('text' in each ? each.text : '')).join(''), template.location)
  return template
}

function printedValue(value: HclValue): string {
  const fact = toFactValue(value)
  return fact?.kind === 'symbolic' ? fact.expression : ''
}

/** The `service_account = …` of one written `oidc_providers` entry. */
function accountExpression(entry: Expr): { expression: Expr; location: Location } | undefined {
  if (entry.kind !== 'object') return undefined
  const item = entry.items.find((each) => each.keyName === 'service_account')
  return item ? { expression: item.value, location: item.keyLocation } : undefined
}

/** A value `coalesce` keeps: not null, not "". */
function nonEmpty(value: HclValue | undefined): HclValue | undefined {
  if (!value || value.kind === 'null') return undefined
  if (value.kind === 'string' && value.value === '') return undefined
  return value
}
