import type { Location } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { CalledModule, FactSink } from '../context.js'
import { callFunction } from '../functions.js'
import type { ModuleCallRequest } from '../module.js'
import { present } from '../resources/iam.js'
import {
  objectValue,
  scalarString,
  stringValue,
  toFactValue,
  tupleValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type ObjectEntryValue,
  type UnknownPart,
} from '../values.js'
import {
  addModuleRole,
  allowWebIdentity,
  claimKey,
  moduleRole,
  policyDocument,
  selfAssumeStatement,
} from './trust-statements.js'

/**
 * terraform-aws-iam's `iam-assumable-role-with-oidc` in v4 and v5 (main.tf, variables.tf and
 * outputs.tf read at v4.0.0, v4.24.1, v5.0.0 and v5.60.0; the submodule is gone in v6):
 * - `local.urls`: `compact(distinct(concat(var.provider_urls, [var.provider_url])))`, each without `https://`.
 * - one statement per url (count `create_role`, default false): Federated
 *   `arn:${partition}:iam::${aws_account_id or the caller's}:oidc-provider/${url}`, action
 *   AssumeRoleWithWebIdentity, and when the lists are not empty: StringEquals `${url}:sub` =
 *   `oidc_fully_qualified_subjects`, StringLike `${url}:sub` = `oidc_subjects_with_wildcards`,
 *   StringLike `${url}:aud` = `oidc_fully_qualified_audiences` (v4.3.0 on). All in one statement:
 *   a subject must pass both `:sub` conditions when both lists are given.
 * - v5.5.0 on: the `allow_self_assume_role` statement first; v5.44.0 on: `sts:TagSession` (not
 *   IRSA-relevant, left out) and `provider_trust_policy_conditions` (not read: the statement is then unknown).
 * - `aws_iam_role.this`: `name = role_name`, `name_prefix = role_name_prefix`, `path = role_path` ("/").
 * - outputs `iam_role_arn`, `iam_role_name`, `iam_role_path` ("" when not created).
 */
export class AssumableRoleWithOidcModule implements CalledModule {
  private readonly label: string

  constructor(private readonly call: ModuleCallRequest) {
    this.label = call.prefix.replace(/\.$/, '')
  }

  output(name: string, location: Location): HclValue {
    const created = this.created()
    if (
      created === false &&
      (name === 'iam_role_arn' || name === 'iam_role_name' || name === 'iam_role_path' || name === 'iam_role_unique_id')
    )
      return stringValue('', location)
    if (name === 'iam_role_name' && this.input('role_name')) return this.input('role_name')!
    if (name === 'iam_role_path') return this.input('role_path') ?? stringValue('/', location)
    return unknownRef(`${this.call.prefix}${name}`, location)
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    if (this.created() === false) return
    const view = this.call.view
    const role = moduleRole(this.call, ['iam_role_arn'])
    const name = this.input('role_name')
    const prefix = this.input('role_name_prefix')
    if (name) role.name = toFactValue(name) ?? symbolic(`${this.label}.role_name`, name.location)
    else if (prefix)
      role.generatedName = {
        prefix: toFactValue(prefix) ?? symbolic(`${this.label}.role_name_prefix`, prefix.location),
        location: view.attribute('role_name_prefix')!.location,
      }
    else role.generatedName = { prefix: known('terraform-', view.location), location: view.location }
    role.path = toFactValue(this.input('role_path')) ?? known('/', view.location)
    addModuleRole(sink, role, this.trustPolicy())
  }

  private input(name: string): HclValue | undefined {
    return present(this.call.view.value(name))
  }

  /** `create_role` defaults to false: true, false, or undefined when unknown. */
  private created(): boolean | undefined {
    const flag = this.input('create_role')
    if (flag === undefined) return false
    return flag.kind === 'bool' ? flag.value : undefined
  }

  private trustPolicy(): HclValue {
    const view = this.call.view
    const location = view.location
    const statements: HclValue[] = []
    const selfAssume = this.input('allow_self_assume_role')
    if (selfAssume?.kind === 'bool' && selfAssume.value)
      statements.push(selfAssumeStatement(unknownRef(`${this.label}.self_role_arn`, location), location))
    const urls = this.urls()
    if (urls === undefined) statements.push(unknownRef(`${this.call.prefix}local.urls`, location))
    else for (const url of urls) statements.push(this.urlStatement(url))
    return policyDocument(
      statements,
      view.attribute('provider_url')?.location ?? view.attribute('provider_urls')?.location ?? location,
      location,
    )
  }

  /** `local.urls`, or undefined when the list itself is unknown. */
  private urls(): HclValue[] | undefined {
    const listed = this.input('provider_urls')
    if (listed !== undefined && listed.kind !== 'tuple') return undefined
    const single = this.input('provider_url')
    const all = [...(listed?.kind === 'tuple' ? listed.items : []), ...(single ? [single] : [])]
    const seen = new Set<string>()
    const urls: HclValue[] = []
    for (const url of all) {
      if (url.kind === 'null' || scalarString(url) === '') continue
      const text = scalarString(url) ?? (url.kind === 'unknown' ? JSON.stringify(url.parts) : undefined)
      if (text === undefined || seen.has(text)) continue
      seen.add(text)
      urls.push(
        callFunction('replace', [url, stringValue('https://', url.location), stringValue('', url.location)], {
          location: url.location,
          evaluator: this.call.view.evaluator,
        }),
      )
    }
    return urls
  }

  private urlStatement(url: HclValue): HclValue {
    const view = this.call.view
    const location = url.location
    const extra = this.input('provider_trust_policy_conditions')
    if (extra && !(extra.kind === 'tuple' && extra.items.length === 0))
      return unknownRef(`${this.call.prefix}provider_trust_policy_conditions`, extra.location)
    const conditions: Record<string, ObjectEntryValue[]> = { StringEquals: [], StringLike: [] }
    const add = (operator: 'StringEquals' | 'StringLike', claim: ':sub' | ':aud', input: string): void => {
      const values = this.input(input)
      if (!values || (values.kind === 'tuple' && values.items.length === 0)) return
      const at = view.attribute(input)!.location
      conditions[operator]!.push({
        ...claimKey(url, claim, at),
        value: values.kind === 'tuple' ? values : tupleValue([values], values.location),
      })
    }
    add('StringEquals', ':sub', 'oidc_fully_qualified_subjects')
    add('StringLike', ':sub', 'oidc_subjects_with_wildcards')
    add('StringLike', ':aud', 'oidc_fully_qualified_audiences')
    const operators: ObjectEntryValue[] = Object.entries(conditions)
      .filter(([, keys]) => keys.length > 0)
      .map(([operator, keys]) => ({
        key: operator,
        keyLocation: keys[0]!.keyLocation,
        value: objectValue(keys, location),
      }))
    const entries = allowWebIdentity(tupleValue([this.providerArn(url)], location), location, location)
    if (operators.length > 0)
      entries.push({ key: 'Condition', keyLocation: location, value: objectValue(operators, location) })
    return objectValue(entries, location)
  }

  /** `arn:${partition}:iam::${account}:oidc-provider/${url}` */
  private providerArn(url: HclValue): HclValue {
    const prefix = this.call.prefix
    const given = this.input('aws_account_id')
    const account: UnknownPart[] =
      given && scalarString(given) !== ''
        ? partsOf(given)
        : [{ ref: `${prefix}data.aws_caller_identity.current.account_id` }]
    return unknownTemplate(
      [
        { text: 'arn:' },
        { ref: `${prefix}data.aws_partition.current.partition` },
        { text: ':iam::' },
        ...account,
        { text: ':oidc-provider/' },
        ...partsOf(url),
      ],
      url.location,
    )
  }
}

function partsOf(value: HclValue): UnknownPart[] {
  if (value.kind === 'unknown') return value.parts
  return [{ text: scalarString(value) ?? '' }]
}
