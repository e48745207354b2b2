import type { Cluster, OidcProvider } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic } from '../../../model/value.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { addEksAddon, readModuleAddon } from '../resources/eks.js'
import { present } from '../resources/iam.js'
import {
  expressionOf,
  objectGet,
  objectValue,
  toFactValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type UnknownValue,
} from '../values.js'

/**
 * terraform-aws-eks, emulated from its documented outputs (irsa-failure-modes.md M2):
 * `oidc_provider` is the issuer without `https://` (for condition keys), `oidc_provider_arn` the
 * IAM OIDC provider it creates when `enable_irsa` is not false (client IDs sts.amazonaws.com and
 * `openid_connect_audiences`), `cluster_oidc_issuer_url` the issuer with `https://`. Its add-ons
 * (`cluster_addons`, `addons` from v21) annotate the add-ons' fixed ServiceAccounts.
 */
export class EksModule implements CalledModule {
  private readonly label: string

  constructor(
    private readonly call: ModuleCallRequest,
    private readonly majorVersion: number | undefined,
  ) {
    this.label = call.prefix.replace(/\.$/, '')
  }

  output(name: string, location: Location): HclValue {
    const prefix = this.call.prefix
    switch (name) {
      case 'oidc_provider':
        return unknownRef(`${prefix}oidc_provider`, location, { isHostPath: true })
      case 'oidc_provider_arn':
        return unknownRef(`${prefix}oidc_provider_arn`, location, { providerHostPath: `${prefix}oidc_provider` })
      case 'cluster_oidc_issuer_url':
        return this.issuer(location)
      case 'cluster_name':
        return this.clusterName() ?? unknownRef(`${prefix}cluster_name`, location)
      default:
        return unknownRef(`${prefix}${name}`, location)
    }
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    const view = this.call.view
    const create = this.input('create')
    if (create?.kind === 'bool' && !create.value) return
    const location = view.location
    const issuer = this.issuer(location)
    const cluster: Cluster = {
      source: 'terraform',
      location,
      terraform: { root: this.call.rootDir, address: `${this.call.prefix}aws_eks_cluster.this[0]` },
      name: toFactValue(this.clusterName()) ?? symbolic(`${this.call.prefix}cluster_name`, location),
      issuer: symbolic(expressionOf(issuer), location),
    }
    const autoMode = toFactValue(present(objectGet(this.computeConfig(), 'enabled')))
    if (autoMode) cluster.autoMode = autoMode
    sink.facts.clusters.push(cluster)
    const enableIrsa = this.input('enable_irsa')
    if (!(enableIrsa?.kind === 'bool' && !enableIrsa.value)) sink.facts.oidcProviders.push(this.provider(location))
    const addons =
      this.majorVersion === undefined
        ? (this.input('addons') ?? this.input('cluster_addons'))
        : this.majorVersion >= 21
          ? this.input('addons')
          : this.input('cluster_addons')
    if (addons?.kind === 'object') {
      // Every add-on is read only when every key is known; otherwise one of them has an unknown name.
      if (addons.entries.every((entry) => entry.keyValue === undefined && entry.value.kind === 'object'))
        cluster.addonsListed = addons.location
      else
        addEksAddon(sink, {
          location: addons.location,
          cluster: this.clusterName(),
          name: undefined,
          terraform: cluster.terraform ?? { address: this.label },
        })
      for (const entry of addons.entries) {
        if (entry.keyValue !== undefined || entry.value.kind !== 'object') continue
        readModuleAddon(sink, entry.key, entry.keyLocation, entry.value, view, {
          root: this.call.rootDir,
          address: `${this.call.prefix}aws_eks_addon.this[${JSON.stringify(entry.key)}]`,
        })
      }
    } else if (addons) {
      addEksAddon(sink, {
        location: addons.location,
        cluster: this.clusterName(),
        name: undefined,
        terraform: cluster.terraform ?? { address: this.label },
      })
    }
  }

  private provider(location: Location): OidcProvider {
    const arn = `${this.call.prefix}oidc_provider_arn`
    const provider: OidcProvider = {
      source: 'terraform',
      location,
      terraform: {
        root: this.call.rootDir,
        address: `${this.call.prefix}aws_iam_openid_connect_provider.oidc_provider[0]`,
      },
      arn: symbolic(arn, location),
      url: symbolic(expressionOf(this.issuer(location)), location),
      clientIds: [known('sts.amazonaws.com', location)],
      arnReferences: [arn],
    }
    const audiences = this.input('openid_connect_audiences')
    const audiencesAttribute = this.call.view.attribute('openid_connect_audiences')
    if (audiences?.kind === 'tuple') {
      for (const item of audiences.items) {
        const value = toFactValue(item)
        if (value && !(value.kind === 'known' && value.value === 'sts.amazonaws.com')) provider.clientIds.push(value)
      }
    } else if (audiences?.kind === 'unknown') {
      provider.clientIds.push(symbolic(expressionOf(audiences), audiences.location))
    }
    if (audiencesAttribute) provider.clientIdsLocation = audiencesAttribute.location
    return provider
  }

  private issuer(location: Location): UnknownValue {
    return unknownTemplate(
      [{ text: 'https://' }, { ref: `${this.call.prefix}oidc_provider`, isHostPath: true }],
      location,
    )
  }

  /** EKS Auto Mode: `compute_config` from v21 (variables.tf at v21.0.0), `cluster_compute_config` in v20 (v20.37.2). */
  private computeConfig(): HclValue | undefined {
    if (this.majorVersion !== undefined)
      return this.input(this.majorVersion >= 21 ? 'compute_config' : 'cluster_compute_config')
    return this.input('compute_config') ?? this.input('cluster_compute_config')
  }

  private clusterName(): HclValue | undefined {
    if (this.majorVersion !== undefined) return this.input(this.majorVersion >= 21 ? 'name' : 'cluster_name')
    return this.input('cluster_name') ?? this.input('name')
  }

  private input(name: string): HclValue | undefined {
    return present(this.call.view.value(name))
  }
}
