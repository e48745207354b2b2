import type { Location } from '../../../model/location.js'
import type { CalledModule, FactSink } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { addAddonServiceAccounts, addEksAddon } from '../resources/eks.js'
import { present } from '../resources/iam.js'
import {
  boolValue,
  objectEntry,
  objectValue,
  stringValue,
  tupleValue,
  unknownRef,
  type HclValue,
  type ObjectEntryValue,
} from '../values.js'
import { BlueprintsAddonModule, type AddonInputs } from './eks-blueprints-addon.js'

/** One add-on of aws-ia/eks-blueprints-addons that installs a chart with an IRSA role. */
interface IrsaAddon {
  /** `enable_<key>`, the `<key> = { … }` settings object, the `<key>` output. */
  key: string
  release: string
  namespace: string
  chart: string
  roleName: string
  /** The ServiceAccounts the module names and trusts: the settings key of each name, its default, and the chart's values path. */
  accounts: readonly { setting: string; name: string; path: string }[]
  /** Another input the role needs (a list of zone ARNs): no role while it is known to be empty. */
  needs?: string
}

const sa = (name: string, path = 'serviceAccount', setting = 'service_account_name') => ({ setting, name, path })

/**
 * The add-ons of aws-ia/terraform-aws-eks-blueprints-addons (`aws-ia/eks-blueprints-addons/aws`)
 * that create an IRSA role, read from its main.tf at v1.24.3: each is a call of
 * `aws-ia/eks-blueprints-addon/aws` with `create = var.enable_<key>`, `name`, `namespace`, `chart`
 * and `role_name` from `try(var.<key>.<setting>, <default>)`, `role_name_use_prefix` (default
 * true), `create_role` (default true), the chart's ServiceAccount name set (`set`) to the trusted
 * `service_account` (`try(var.<key>.service_account_name, <default>)`; the CSI drivers'
 * `controller_service_account_name`/`node_service_account_name`), `set_irsa_names` on that
 * ServiceAccount's annotations, and the trust's namespace inherited from the release
 * (aws_privateca_issuer's default namespace is cert-manager's). `var.<key>.set` and `.values`
 * come after the module's own values.
 */
export const BLUEPRINTS_IRSA_ADDONS: readonly IrsaAddon[] = [
  {
    key: 'aws_cloudwatch_metrics',
    release: 'aws-cloudwatch-metrics',
    namespace: 'amazon-cloudwatch',
    chart: 'aws-cloudwatch-metrics',
    roleName: 'aws-cloudwatch-metrics',
    accounts: [sa('aws-cloudwatch-metrics')],
  },
  {
    key: 'aws_efs_csi_driver',
    release: 'aws-efs-csi-driver',
    namespace: 'kube-system',
    chart: 'aws-efs-csi-driver',
    roleName: 'aws-efs-csi-driver',
    accounts: [
      sa('efs-csi-controller-sa', 'controller.serviceAccount', 'controller_service_account_name'),
      sa('efs-csi-node-sa', 'node.serviceAccount', 'node_service_account_name'),
    ],
  },
  {
    key: 'aws_for_fluentbit',
    release: 'aws-for-fluent-bit',
    namespace: 'kube-system',
    chart: 'aws-for-fluent-bit',
    roleName: 'aws-for-fluent-bit',
    accounts: [sa('aws-for-fluent-bit-sa')],
  },
  {
    key: 'aws_fsx_csi_driver',
    release: 'aws-fsx-csi-driver',
    namespace: 'kube-system',
    chart: 'aws-fsx-csi-driver',
    roleName: 'aws-fsx-csi-driver',
    accounts: [
      sa('aws-fsx-csi-controller-sa', 'controller.serviceAccount', 'controller_service_account_name'),
      sa('aws-fsx-csi-node-sa', 'node.serviceAccount', 'node_service_account_name'),
    ],
  },
  {
    key: 'aws_load_balancer_controller',
    release: 'aws-load-balancer-controller',
    namespace: 'kube-system',
    chart: 'aws-load-balancer-controller',
    roleName: 'alb-controller',
    accounts: [sa('aws-load-balancer-controller-sa')],
  },
  {
    key: 'aws_node_termination_handler',
    release: 'aws-node-termination-handler',
    namespace: 'aws-node-termination-handler',
    chart: 'aws-node-termination-handler',
    roleName: 'aws-node-termination-handler',
    accounts: [sa('aws-node-termination-handler-sa')],
  },
  {
    key: 'aws_privateca_issuer',
    release: 'aws-privateca-issuer',
    namespace: 'cert-manager',
    chart: 'aws-privateca-issuer',
    roleName: 'aws-privateca-issuer',
    accounts: [sa('aws-privateca-issuer-sa')],
  },
  {
    key: 'cert_manager',
    release: 'cert-manager',
    namespace: 'cert-manager',
    chart: 'cert-manager',
    roleName: 'cert-manager',
    accounts: [sa('cert-manager')],
    needs: 'cert_manager_route53_hosted_zone_arns',
  },
  {
    key: 'cluster_autoscaler',
    release: 'cluster-autoscaler',
    namespace: 'kube-system',
    chart: 'cluster-autoscaler',
    roleName: 'cluster-autoscaler',
    accounts: [sa('cluster-autoscaler-sa', 'rbac.serviceAccount')],
  },
  {
    key: 'external_dns',
    release: 'external-dns',
    namespace: 'external-dns',
    chart: 'external-dns',
    roleName: 'external-dns',
    accounts: [sa('external-dns-sa')],
    needs: 'external_dns_route53_zone_arns',
  },
  {
    key: 'external_secrets',
    release: 'external-secrets',
    namespace: 'external-secrets',
    chart: 'external-secrets',
    roleName: 'external-secrets',
    accounts: [sa('external-secrets-sa')],
  },
  {
    key: 'karpenter',
    release: 'karpenter',
    namespace: 'karpenter',
    chart: 'karpenter',
    roleName: 'karpenter',
    accounts: [sa('karpenter')],
  },
  {
    key: 'velero',
    release: 'velero',
    namespace: 'velero',
    chart: 'velero',
    roleName: 'velero',
    accounts: [sa('velero-server', 'serviceAccount.server')],
  },
  {
    key: 'aws_gateway_api_controller',
    release: 'aws-gateway-api-controller',
    namespace: 'aws-application-networking-system',
    chart: 'aws-gateway-controller-chart',
    roleName: 'aws-gateway-api-controller',
    accounts: [sa('gateway-api-controller')],
  },
]

/**
 * aws-ia/eks-blueprints-addons 1.x: each enabled add-on of BLUEPRINTS_IRSA_ADDONS is an
 * eks-blueprints-addon call (`module.<call>.module.<key>`), whose role ARN the caller reads as
 * `module.<call>.<key>.iam_role_arn`. The other add-ons (no IRSA role, or EKS managed add-ons) are not read.
 */
export class BlueprintsAddonsModule implements CalledModule {
  private readonly label: string

  constructor(private readonly call: ModuleCallRequest) {
    this.label = call.prefix.replace(/\.$/, '')
  }

  output(name: string, location: Location): HclValue {
    return unknownRef(`${this.call.prefix}${name}`, location)
  }

  private eksAddons(sink: FactSink): void {
    const view = this.call.view
    const given = present(view.value('eks_addons'))
    const cluster = present(view.value('cluster_name'))
    const terraform = { root: this.call.rootDir, address: `${this.call.prefix}aws_eks_addon.this` }
    const entries = eksAddonEntries(given)
    // Add-ons the scan cannot name: an add-on of unknown name.
    if (given && (given.kind !== 'object' || entries.length < given.entries.length))
      addEksAddon(sink, { location: given.location, cluster, name: undefined, terraform })
    for (const entry of entries) {
      const name = present(objectEntry(entry.value, 'name')?.value) ?? stringValue(entry.key, entry.keyLocation)
      addEksAddon(sink, { location: entry.keyLocation, cluster, name, terraform })
      const roleArn = present(objectEntry(entry.value, 'service_account_role_arn')?.value)
      addAddonServiceAccounts(
        sink,
        name,
        roleArn,
        roleArn?.location,
        entry.keyLocation,
        { fromLine: view.location.line, toLine: view.block.endLine },
        {
          root: this.call.rootDir,
          address: `${this.call.prefix}aws_eks_addon.this[${JSON.stringify(entry.key)}]`,
        },
      )
    }
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.label }
  }

  collectFacts(sink: FactSink): void {
    const view = this.call.view
    this.eksAddons(sink)
    for (const addon of BLUEPRINTS_IRSA_ADDONS) {
      const enable = present(view.value(`enable_${addon.key}`))
      // Off unless enabled (the variables default to false); an unknown toggle may be on.
      if (!enable || (enable.kind === 'bool' && !enable.value)) continue
      const at = view.attribute(`enable_${addon.key}`)?.location ?? view.location
      const settings = present(view.value(addon.key))
      const setting = (name: string): HclValue | undefined => present(objectEntry(settings, name)?.value)
      const text = (name: string, fallback: string): HclValue => setting(name) ?? stringValue(fallback, at)
      const accounts = addon.accounts.map((account) => ({ ...account, value: text(account.setting, account.name) }))
      const needed = addon.needs ? present(view.value(addon.needs)) : undefined
      const roleWanted = !(
        addon.needs &&
        (needed === undefined || (needed.kind === 'tuple' && needed.items.length === 0))
      )
      const ownSets = accounts.map((account) => setEntry(`${account.path}.name`, account.value, at))
      const userSets = setting('set')
      const arguments_: Record<string, HclValue | undefined> = {
        name: text('name', addon.release),
        namespace: text('namespace', addon.namespace),
        chart: text('chart', addon.chart),
        values: setting('values'),
        set:
          userSets === undefined
            ? tupleValue(ownSets, at)
            : userSets.kind === 'tuple'
              ? tupleValue([...ownSets, ...userSets.items], at)
              : userSets,
        set_sensitive: setting('set_sensitive'),
        set_irsa_names: tupleValue(
          accounts.map((account) => stringValue(`${account.path}.annotations.eks\\.amazonaws\\.com/role-arn`, at)),
          at,
        ),
        create_role: roleWanted ? (setting('create_role') ?? boolValue(true, at)) : boolValue(false, at),
        role_name: text('role_name', addon.roleName),
        role_name_use_prefix: setting('role_name_use_prefix') ?? boolValue(true, at),
        role_path: setting('role_path'),
        oidc_providers: objectValue(
          accounts.map((account, index): ObjectEntryValue => ({
            key: accounts.length === 1 ? 'this' : index === 0 ? 'controller' : 'node',
            keyLocation: at,
            value: objectValue(
              [
                {
                  key: 'provider_arn',
                  keyLocation: at,
                  value:
                    present(view.value('oidc_provider_arn')) ??
                    unknownRef(`${this.call.prefix}var.oidc_provider_arn`, at),
                },
                { key: 'service_account', keyLocation: account.value.location, value: account.value },
              ],
              at,
            ),
          })),
          at,
        ),
      }
      const inputs: AddonInputs = {
        value: (name) => arguments_[name],
        attribute: () => ({ location: at }),
        expression: () => undefined,
      }
      const prefix = `${this.call.prefix}module.${addon.key}.`
      new BlueprintsAddonModule({ prefix, rootDir: this.call.rootDir, view }, inputs, [
        `${this.call.prefix}${addon.key}.iam_role_arn`,
      ]).collectFacts(sink)
    }
  }
}

/** `aws_eks_addon.this` per `eks_addons` entry: `addon_name = try(each.value.name, each.key)`, `service_account_role_arn` (main.tf at v1.24.3). */
function eksAddonEntries(settings: HclValue | undefined): { key: string; keyLocation: Location; value: HclValue }[] {
  if (settings?.kind !== 'object') return []
  return settings.entries.filter((entry) => entry.keyValue === undefined && entry.value.kind === 'object')
}

function setEntry(name: string, value: HclValue, location: Location): HclValue {
  return objectValue(
    [
      { key: 'name', keyLocation: location, value: stringValue(name, location) },
      { key: 'value', keyLocation: value.location, value },
    ],
    location,
  )
}
