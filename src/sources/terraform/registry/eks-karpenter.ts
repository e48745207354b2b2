import type { Location } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { addPodIdentity } from '../resources/eks.js'
import { present } from '../resources/iam.js'
import {
  nullValue,
  objectValue,
  scalarString,
  stringValue,
  toFactValue,
  tupleValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
} from '../values.js'
import { addModuleRole, moduleRole, policyDocument, webIdentityStatement } from './trust-statements.js'

/** The names of one generation's controller role inputs and outputs. */
interface Generation {
  createRole: string
  name: string
  usePrefix: string
  path: string
  arnOutput: string
  nameOutput: string
  /** The role name when `name` is not given. */
  defaultName: (input: (name: string) => HclValue | undefined, location: Location) => HclValue
  /** The statements before the IRSA one, and whether the IRSA one is written. */
  podIdentity: (input: (name: string) => HclValue | undefined) => boolean
  irsa: (input: (name: string) => HclValue | undefined) => boolean
  /** Whether `aws_eks_pod_identity_association.karpenter` is created. */
  association: (input: (name: string) => HclValue | undefined) => boolean
}

/**
 * terraform-aws-eks's `modules/karpenter`, the controller role and its Pod Identity association
 * (main.tf, variables.tf and outputs.tf read at v19.0.0, v19.21.0, v20.0.0, v20.37.2, v21.0.0 and v21.19.0):
 * - v19: `aws_iam_role.irsa` (count `create && create_irsa`, both default true), name
 *   `coalesce(var.irsa_name, "KarpenterIRSA-${var.cluster_name}")`, a prefix (`…-`) when
 *   `irsa_use_name_prefix` (default true), path `irsa_path`; outputs `irsa_arn`, `irsa_name`.
 * - v20: `aws_iam_role.controller` (count `create && create_iam_role`), name `iam_role_name`
 *   ("KarpenterController"), a prefix when `iam_role_use_name_prefix` (default true), path
 *   `iam_role_path`; its trust: the Pod Identity statement (always in v20.0.0, `enable_pod_identity`
 *   later, default true), then the IRSA statement only when `enable_irsa` (default false); outputs
 *   `iam_role_arn`, `iam_role_name`.
 * - v21: the same role, trusting Pod Identity only (statement "PodIdentity").
 * - `aws_eks_pod_identity_association.karpenter` (v20.37.2 main.tf:121, v21.0.0 main.tf:95): count
 *   `create_iam_role && create_pod_identity_association` (v20 also `enable_pod_identity`),
 *   `create_pod_identity_association` defaults to false in v20.37.2 and true in v21; namespace
 *   `var.namespace` (default "kube-system"), service account `var.service_account` (default
 *   "karpenter"), cluster `var.cluster_name`, role the controller role.
 * - The IRSA statement: Federated `irsa_oidc_provider_arn`, `irsa_assume_role_condition_test`
 *   (StringEquals) on `<issuer>:sub` = `system:serviceaccount:` + each of
 *   `irsa_namespace_service_accounts` (default ["karpenter:karpenter"]) and `<issuer>:aud` = sts.amazonaws.com.
 */
export class KarpenterModule implements CalledModule {
  private readonly label: string
  private readonly generation: Generation

  constructor(
    private readonly call: ModuleCallRequest,
    major: 19 | 20 | 21,
  ) {
    this.label = call.prefix.replace(/\.$/, '')
    this.generation = major === 19 ? V19 : major === 20 ? V20 : V21
  }

  output(name: string, location: Location): HclValue {
    const { arnOutput, nameOutput } = this.generation
    if (name !== arnOutput && name !== nameOutput) return unknownRef(`${this.call.prefix}${name}`, location)
    if (!this.created()) return nullValue(location)
    if (name === nameOutput && !this.usesPrefix()) return this.roleName(location)
    return unknownRef(`${this.call.prefix}${name}`, location)
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    if (!this.created()) return
    const view = this.call.view
    const location = view.location
    const { arnOutput, name, path } = this.generation
    const role = moduleRole(this.call, [arnOutput], `${this.generation === V19 ? 'irsa' : 'controller'}[0]`)
    const nameLocation = view.attribute(name)?.location ?? location
    const roleName = this.roleName(nameLocation)
    if (this.usesPrefix()) {
      const text = scalarString(roleName)
      role.generatedName = {
        prefix: text !== undefined ? known(`${text}-`, nameLocation) : symbolic(`${this.label}.${name}-`, nameLocation),
        location: nameLocation,
      }
    } else {
      role.name = toFactValue(roleName) ?? symbolic(`${this.label}.${name}`, nameLocation)
    }
    role.path = toFactValue(this.input(path)) ?? known('/', location)
    addModuleRole(sink, role, this.trustPolicy())
    if (this.generation.association((name) => this.input(name))) this.addAssociation(sink)
  }

  private addAssociation(sink: FactSink): void {
    const view = this.call.view
    const location = view.location
    const namespace = this.input('namespace') ?? stringValue('kube-system', location)
    const serviceAccount = this.input('service_account') ?? stringValue('karpenter', location)
    addPodIdentity(sink, {
      location: view.attribute('namespace')?.location ?? location,
      cluster: this.input('cluster_name'),
      namespace,
      serviceAccount,
      roleArn: unknownRef(`${this.call.prefix}${this.generation.arnOutput}`, location),
      terraform: {
        root: this.call.rootDir,
        address: `${this.call.prefix}aws_eks_pod_identity_association.karpenter[0]`,
      },
    })
  }

  private input(name: string): HclValue | undefined {
    return present(this.call.view.value(name))
  }

  /** `create && create_irsa` / `create && create_iam_role`: false only when one is known false. */
  private created(): boolean {
    return [this.input('create'), this.input(this.generation.createRole)].every(
      (flag) => !(flag?.kind === 'bool' && !flag.value),
    )
  }

  private usesPrefix(): boolean {
    const flag = this.input(this.generation.usePrefix)
    return !(flag?.kind === 'bool' && !flag.value)
  }

  private roleName(location: Location): HclValue {
    const given = this.input(this.generation.name)
    if (given && !(given.kind === 'string' && given.value === '')) return given
    return this.generation.defaultName((name) => this.input(name), location)
  }

  private trustPolicy(): HclValue {
    const view = this.call.view
    const location = view.location
    const input = (name: string): HclValue | undefined => this.input(name)
    const statements: HclValue[] = []
    if (this.generation.podIdentity(input)) statements.push(podIdentityStatement(location))
    if (this.generation.irsa(input)) {
      const accounts =
        this.input('irsa_namespace_service_accounts') ??
        tupleValue([stringValue('karpenter:karpenter', location)], location)
      const subjectsLocation = view.attribute('irsa_namespace_service_accounts')?.location ?? location
      const subjects =
        accounts.kind === 'tuple'
          ? accounts.items.map((item) =>
              item.kind === 'unknown'
                ? unknownTemplate([{ text: 'system:serviceaccount:' }, ...item.parts], item.location)
                : stringValue(`system:serviceaccount:${scalarString(item) ?? ''}`, item.location),
            )
          : [unknownRef(`${this.call.prefix}irsa_namespace_service_accounts`, subjectsLocation)]
      const arnAttribute = view.attribute('irsa_oidc_provider_arn')
      statements.push(
        webIdentityStatement({
          arn: this.input('irsa_oidc_provider_arn') ?? stringValue('', location),
          arnLocation: arnAttribute?.location ?? location,
          subjects,
          subjectsLocation,
          test: this.input('irsa_assume_role_condition_test') ?? stringValue('StringEquals', location),
          testLocation: view.attribute('irsa_assume_role_condition_test')?.location ?? location,
          location,
          evaluator: view.evaluator,
        }),
      )
    }
    return policyDocument(statements, view.attribute('irsa_namespace_service_accounts')?.location ?? location, location)
  }
}

/** Only a literal true: a value known at apply time may be false. */
const isKnownTrue = (value: HclValue | undefined): boolean => value?.kind === 'bool' && value.value

const isTrue = (value: HclValue | undefined, fallback: boolean): boolean =>
  value?.kind === 'bool' ? value.value : value === undefined ? fallback : true

const V19: Generation = {
  createRole: 'create_irsa',
  name: 'irsa_name',
  usePrefix: 'irsa_use_name_prefix',
  path: 'irsa_path',
  arnOutput: 'irsa_arn',
  nameOutput: 'irsa_name',
  defaultName: (input, location) => {
    const cluster = input('cluster_name')
    if (cluster?.kind === 'unknown') return unknownTemplate([{ text: 'KarpenterIRSA-' }, ...cluster.parts], location)
    return stringValue(`KarpenterIRSA-${cluster ? (scalarString(cluster) ?? '') : ''}`, location)
  },
  podIdentity: () => false,
  irsa: () => true,
  association: () => false,
}

const V20: Generation = {
  createRole: 'create_iam_role',
  name: 'iam_role_name',
  usePrefix: 'iam_role_use_name_prefix',
  path: 'iam_role_path',
  arnOutput: 'iam_role_arn',
  nameOutput: 'iam_role_name',
  defaultName: (_input, location) => stringValue('KarpenterController', location),
  podIdentity: (input) => isTrue(input('enable_pod_identity'), true),
  irsa: (input) => isTrue(input('enable_irsa'), false),
  association: (input) =>
    isKnownTrue(input('create_pod_identity_association')) && isTrue(input('enable_pod_identity'), true),
}

const V21: Generation = {
  ...V20,
  podIdentity: () => true,
  irsa: () => false,
  association: (input) => {
    const flag = input('create_pod_identity_association')
    return flag === undefined || isKnownTrue(flag)
  },
}

/** v20's Pod Identity statement: `pods.eks.amazonaws.com` may AssumeRole and TagSession. */
function podIdentityStatement(location: Location): HclValue {
  return objectValue(
    [
      { key: 'Effect', keyLocation: location, value: stringValue('Allow', location) },
      {
        key: 'Action',
        keyLocation: location,
        value: tupleValue([stringValue('sts:AssumeRole', location), stringValue('sts:TagSession', location)], location),
      },
      {
        key: 'Principal',
        keyLocation: location,
        value: objectValue(
          [
            {
              key: 'Service',
              keyLocation: location,
              value: tupleValue([stringValue('pods.eks.amazonaws.com', location)], location),
            },
          ],
          location,
        ),
      },
    ],
    location,
  )
}
