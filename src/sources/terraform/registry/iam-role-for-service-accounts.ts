import type { Role } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { present } from '../resources/iam.js'
import {
  addModuleRole,
  moduleRole,
  policyDocument,
  selfAssumeStatement,
  webIdentityStatement,
} from './trust-statements.js'
import {
  expressionOf,
  nullValue,
  objectEntry,
  objectValue,
  scalarString,
  stringValue,
  toFactValue,
  tupleValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
} from '../values.js'

/**
 * terraform-aws-iam's `iam-role-for-service-accounts-eks` (v5) and `iam-role-for-service-accounts`
 * (v6), emulated from their documented behaviour: one trust statement per `oidc_providers` entry
 * (Federated = `provider_arn`; `<issuer>:sub` = `system:serviceaccount:` + each
 * `namespace_service_accounts` entry; `<issuer>:aud` = sts.amazonaws.com; both under the configured
 * test, StringEquals by default), the role name (v5 `role_name` or `role_name_prefix`; v6 `name`,
 * a prefix unless `use_name_prefix = false`), and the outputs (v5 `iam_role_arn`, v6 `arn`).
 */
export class IrsaRoleModule implements CalledModule {
  private readonly label: string

  constructor(
    private readonly call: ModuleCallRequest,
    private readonly generation: 5 | 6,
    readonly majorVersion: number | undefined,
  ) {
    this.label = call.prefix.replace(/\.$/, '')
  }

  output(name: string, location: Location): HclValue {
    const created = this.created()
    const absent = this.generation === 5 ? stringValue('', location) : nullValue(location)
    const outputs =
      this.generation === 5
        ? { arn: 'iam_role_arn', name: 'iam_role_name', path: 'iam_role_path' }
        : { arn: 'arn', name: 'name', path: 'path' }
    if (created === false && Object.values(outputs).includes(name)) return absent
    if (name === outputs.name) {
      const fixed = this.fixedName()
      if (fixed) return fixed
    }
    if (name === outputs.path)
      return this.input(this.generation === 5 ? 'role_path' : 'path') ?? stringValue('/', location)
    return unknownRef(`${this.call.prefix}${name}`, location)
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    if (this.created() === false) return
    const view = this.call.view
    const role = moduleRole(this.call, [this.generation === 5 ? 'iam_role_arn' : 'arn'])
    this.nameRole(role)
    const path = toFactValue(this.input(this.generation === 5 ? 'role_path' : 'path'))
    role.path = path ?? known('/', view.location)
    addModuleRole(sink, role, this.trustPolicy())
  }

  private input(name: string): HclValue | undefined {
    return present(this.call.view.value(name))
  }

  /** false when `create_role` (v5) / `create` (v6) is known false. */
  private created(): boolean | undefined {
    const flag = this.input(this.generation === 5 ? 'create_role' : 'create')
    return flag?.kind === 'bool' ? flag.value : flag === undefined ? true : undefined
  }

  /** The role's name when it is not generated. */
  private fixedName(): HclValue | undefined {
    if (this.generation === 5) return this.input('role_name')
    const usePrefix = this.input('use_name_prefix')
    if (usePrefix?.kind === 'bool' && !usePrefix.value)
      return this.input('name') ?? stringValue('', this.call.view.location)
    return undefined
  }

  private nameRole(role: Role): void {
    const view = this.call.view
    const fixed = this.fixedName()
    if (fixed) {
      role.name = toFactValue(fixed) ?? symbolic(`${this.label}.name`, fixed.location)
      return
    }
    if (this.generation === 5) {
      const prefix = this.input('role_name_prefix')
      if (prefix)
        role.generatedName = {
          prefix: toFactValue(prefix) ?? symbolic(`${this.label}.role_name_prefix`, prefix.location),
          location: view.attribute('role_name_prefix')!.location,
        }
      else role.generatedName = { prefix: known('terraform-', view.location), location: view.location }
      return
    }
    const name = this.input('name')
    const location = view.attribute('name')?.location ?? view.location
    const text = name ? scalarString(name) : ''
    role.generatedName = {
      prefix:
        text !== undefined
          ? known(`${text}-`, name?.location ?? location)
          : symbolic(`${name && name.kind === 'unknown' ? expressionOf(name) : `${this.label}.name`}-`, location),
      location,
    }
  }

  private trustPolicy(): HclValue {
    const view = this.call.view
    const location = view.location
    const statements: HclValue[] = []
    if (
      this.generation === 5 &&
      this.input('allow_self_assume_role')?.kind === 'bool' &&
      (this.input('allow_self_assume_role') as { value: boolean }).value
    ) {
      statements.push(selfAssumeStatement(unknownRef(`${this.label}.self_role_arn`, location), location))
    }
    const test =
      this.input(this.generation === 5 ? 'assume_role_condition_test' : 'trust_condition_test') ??
      stringValue('StringEquals', location)
    const testLocation =
      view.attribute(this.generation === 5 ? 'assume_role_condition_test' : 'trust_condition_test')?.location ??
      location
    const providers = this.input('oidc_providers')
    if (providers?.kind === 'unknown')
      statements.push(unknownRef(`${this.call.prefix}oidc_providers`, providers.location))
    else if (providers?.kind === 'object') {
      const sorted = [...providers.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      for (const entry of sorted)
        statements.push(this.providerStatement(entry.value, entry.keyLocation, test, testLocation))
    } else if (providers?.kind === 'tuple') {
      for (const item of providers.items)
        statements.push(this.providerStatement(item, item.location, test, testLocation))
    }
    return policyDocument(statements, view.attribute('oidc_providers')?.location ?? location, location)
  }

  private providerStatement(provider: HclValue, location: Location, test: HclValue, testLocation: Location): HclValue {
    if (provider.kind === 'unknown') return provider
    const arnEntry = objectEntry(provider, 'provider_arn')
    const accountsEntry = objectEntry(provider, 'namespace_service_accounts')
    const accounts = accountsEntry?.value ?? tupleValue([], location)
    const subjects =
      accounts.kind === 'tuple'
        ? accounts.items.map((item) =>
            item.kind === 'unknown'
              ? unknownTemplate([{ text: 'system:serviceaccount:' }, ...item.parts], item.location)
              : stringValue(`system:serviceaccount:${scalarString(item) ?? ''}`, item.location),
          )
        : [
            accounts.kind === 'unknown'
              ? unknownTemplate([{ text: 'system:serviceaccount:' }, ...accounts.parts], accounts.location)
              : stringValue('system:serviceaccount:', accounts.location),
          ]
    return webIdentityStatement({
      arn: arnEntry?.value ?? unknownRef(`${this.call.prefix}oidc_providers.provider_arn`, location),
      arnLocation: arnEntry?.keyLocation ?? location,
      subjects,
      subjectsLocation: accountsEntry?.keyLocation ?? location,
      test,
      testLocation,
      location,
      evaluator: this.call.view.evaluator,
    })
  }
}
