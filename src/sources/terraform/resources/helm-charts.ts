import { ROLE_ARN_ANNOTATION } from '../../../model/kubernetes.js'
/**
 * Where common AWS add-on charts keep their ServiceAccount settings and how they name it when
 * `name` is empty (read from each chart's templates/_helpers.tpl and values.yaml):
 * - `fullname`: the standard helper: `fullnameOverride`, else the release name when it contains
 *   the chart name (`nameOverride` if set), else `<release>-<name>`; 63 characters, no trailing `-`.
 *   Some charts append a component (`<fullname>-server`).
 * - cluster-autoscaler's helper uses `<cloudProvider>-cluster-autoscaler` as the name and compares
 *   it for equality, not containment (so release `cluster-autoscaler` gives
 *   `cluster-autoscaler-aws-cluster-autoscaler`).
 * - A fixed default `name` in values.yaml (the CSI drivers, most Argo CD components).
 */
export interface ChartServiceAccount {
  /** Values path of the ServiceAccount settings (`create`, `name`, `annotations`). */
  path: readonly string[]
  /** The default name: a fixed string, or one derived from the release. */
  defaultName:
    | { fixed: string }
    /** `<nameOverride or the chart's name>-<suffix>`. */
    | { chartNameSuffix: string }
    | {
        fullname: 'contains' | 'equals'
        chartName?: (values: (path: readonly string[]) => string | undefined) => string
        /** The chart's own `nameOverride` default in values.yaml. */
        nameOverride?: string
        /** `<fullname>-<component>`: the component's values path and its default. */
        suffix?: { path?: readonly string[]; default: string }
      }
  /** A values path that overrides the release namespace. */
  namespacePath?: readonly string[]
  /** The value at `create` that turns the ServiceAccount off is another path's (`agent.enabled`). */
  createPath?: readonly string[]
  /** False when the chart's template writes no annotations on this ServiceAccount. */
  annotated?: false
}

const STANDARD: ChartServiceAccount = { path: ['serviceAccount'], defaultName: { fullname: 'contains' } }

export const CHART_SERVICE_ACCOUNTS: Readonly<Record<string, readonly ChartServiceAccount[]>> = {
  'aws-load-balancer-controller': [STANDARD],
  'external-dns': [STANDARD],
  karpenter: [STANDARD],
  'cert-manager': [STANDARD],
  'external-secrets': [{ ...STANDARD, namespacePath: ['namespaceOverride'] }],
  'cluster-autoscaler': [
    {
      path: ['rbac', 'serviceAccount'],
      defaultName: {
        fullname: 'equals',
        chartName: (values) => `${values(['cloudProvider']) || 'aws'}-cluster-autoscaler`,
      },
    },
  ],
  'aws-ebs-csi-driver': [
    { path: ['controller', 'serviceAccount'], defaultName: { fixed: 'ebs-csi-controller-sa' } },
    { path: ['node', 'serviceAccount'], defaultName: { fixed: 'ebs-csi-node-sa' } },
  ],
  'aws-efs-csi-driver': [
    { path: ['controller', 'serviceAccount'], defaultName: { fixed: 'efs-csi-controller-sa' } },
    { path: ['node', 'serviceAccount'], defaultName: { fixed: 'efs-csi-node-sa' } },
  ],
  // vmware-tanzu/helm-charts@73466ca986bb charts/velero 12.1.0: templates/serviceaccount-server.yaml,
  // _helpers.tpl `velero.serverServiceAccount` = serviceAccount.server.name or `<fullname>-server`.
  velero: [
    { path: ['serviceAccount', 'server'], defaultName: { fullname: 'contains', suffix: { default: 'server' } } },
  ],
  // aws/eks-charts@5239609242f3 stable/aws-for-fluent-bit 0.2.0: templates/serviceaccount.yaml,
  // _helpers.tpl `aws-for-fluent-bit.serviceAccountName` = serviceAccount.name or fullname;
  // namespace `global.namespaceOverride`.
  'aws-for-fluent-bit': [{ ...STANDARD, namespacePath: ['global', 'namespaceOverride'] }],
  // aws-observability/helm-charts@71a298ffdebe charts/amazon-cloudwatch-observability 6.4.0:
  // templates/operator-serviceaccount.yaml (`manager.serviceAccount.name` or
  // `<name>-controller-manager`, name = nameOverride or the chart name) and
  // cloudwatch-agent-serviceaccount.yaml (when agent.enabled: `agent.serviceAccount.name` or
  // `agent.name` or `cloudwatch-agent`); neither template writes annotations.
  'amazon-cloudwatch-observability': [
    { path: ['manager', 'serviceAccount'], defaultName: { chartNameSuffix: 'controller-manager' }, annotated: false },
    {
      path: ['agent', 'serviceAccount'],
      defaultName: { fixed: 'cloudwatch-agent' },
      createPath: ['agent', 'enabled'],
      annotated: false,
    },
  ],
  // argoproj/argo-helm@af0a9310bacb charts/argo-cd 10.1.1: values.yaml gives fixed names to the
  // controller, server, applicationSet, notifications and dex ServiceAccounts; _helpers.tpl
  // `argo-cd.repoServer.serviceAccountName` = repoServer.serviceAccount.name or
  // `<fullname>-<repoServer.name>`, where values.yaml sets `nameOverride: argocd`; namespace
  // `namespaceOverride` (_common.tpl).
  'argo-cd': [
    {
      path: ['controller', 'serviceAccount'],
      defaultName: { fixed: 'argocd-application-controller' },
      namespacePath: ['namespaceOverride'],
    },
    {
      path: ['server', 'serviceAccount'],
      defaultName: { fixed: 'argocd-server' },
      namespacePath: ['namespaceOverride'],
    },
    {
      path: ['repoServer', 'serviceAccount'],
      defaultName: {
        fullname: 'contains',
        nameOverride: 'argocd',
        suffix: { path: ['repoServer', 'name'], default: 'repo-server' },
      },
      namespacePath: ['namespaceOverride'],
    },
    {
      path: ['applicationSet', 'serviceAccount'],
      defaultName: { fixed: 'argocd-applicationset-controller' },
      namespacePath: ['namespaceOverride'],
    },
    {
      path: ['notifications', 'serviceAccount'],
      defaultName: { fixed: 'argocd-notifications-controller' },
      namespacePath: ['namespaceOverride'],
    },
    {
      path: ['dex', 'serviceAccount'],
      defaultName: { fixed: 'argocd-dex-server' },
      namespacePath: ['namespaceOverride'],
    },
  ],
  // kubecost/cost-analyzer-helm-chart@b01e76c9ec21 cost-analyzer 2.3.3:
  // templates/cost-analyzer-service-account-template.yaml, _helpers.tpl
  // `cost-analyzer.serviceAccountName` = serviceAccount.name or fullname.
  'cost-analyzer': [STANDARD],
  // kubeflow/spark-operator@38082f3318e9 charts/spark-operator-chart 2.5.0-rc.0: controller and
  // webhook ServiceAccounts (`<fullname>-controller`, `<fullname>-webhook`). The spark
  // ServiceAccount (`spark.serviceAccount`) is created in each of `spark.jobNamespaces`: not modelled.
  'spark-operator': [
    {
      path: ['controller', 'serviceAccount'],
      defaultName: { fullname: 'contains', suffix: { default: 'controller' } },
    },
    { path: ['webhook', 'serviceAccount'], defaultName: { fullname: 'contains', suffix: { default: 'webhook' } } },
  ],
}

/** Charts that also create ServiceAccounts CHART_SERVICE_ACCOUNTS does not model (their names stay open). */
export const CHARTS_WITH_UNMODELLED_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(['spark-operator'])

/**
 * The conventional places a release may put a ServiceAccount's name or role: when the chart is in
 * CHART_SERVICE_ACCOUNTS and reads none of them there, the value has no effect.
 */
const CONVENTIONAL_PATHS: readonly (readonly string[])[] = [['serviceAccount'], ['rbac', 'serviceAccount']]

/** A values path a release sets that the chart does not read, and where the chart reads it. */
export interface UnreadServiceAccountValue {
  path: readonly string[]
  /** The chart's ServiceAccount settings paths (`rbac.serviceAccount`). */
  reads: readonly string[]
}

/** For a chart in CHART_SERVICE_ACCOUNTS: is `path` a ServiceAccount name or role-arn the chart never reads? */
export function unreadServiceAccountValue(
  chart: string,
  path: readonly string[],
): UnreadServiceAccountValue | undefined {
  const specs = CHART_SERVICE_ACCOUNTS[chartName(chart)]
  if (!specs) return undefined
  for (const prefix of CONVENTIONAL_PATHS) {
    if (path.length < prefix.length + 1 || prefix.some((key, index) => path[index] !== key)) continue
    const rest = path.slice(prefix.length)
    const names = rest.length === 1 && rest[0] === 'name'
    const role = rest.length === 2 && rest[0] === 'annotations' && rest[1] === ROLE_ARN_ANNOTATION
    if (!names && !role) continue
    if (specs.some((spec) => spec.path.join('.') === prefix.join('.'))) return undefined
    return { path, reads: specs.map((spec) => spec.path.join('.')) }
  }
  return undefined
}

/** The message of helm-value-path-unused, shared by every release form. */
export function unreadMessage(
  release: string,
  chart: string,
  path: readonly string[],
  reads: readonly string[],
): string {
  const what = path[path.length - 1] === 'name' ? 'ServiceAccount name' : 'role-arn annotation'
  const written = path.map((key) => key.replace(/\./g, '\\.')).join('.')
  const rest = path
    .slice(path.indexOf('serviceAccount') + 1)
    .map((key) => key.replace(/\./g, '\\.'))
    .join('.')
  const instead =
    reads.length === 1
      ? `it reads ${reads[0]}.${rest}`
      : `its ServiceAccounts are set under ${reads.join(', ')} (each with .${rest})`
  return `${release} sets the ${what} at ${written}, which chart ${chart} does not read, so the value has no effect; ${instead}`
}

/** `eks/aws-load-balancer-controller`, `oci://…/karpenter`, `…/aws-load-balancer-controller-1.8.1.tgz` → the chart's name. */
export function chartName(chart: string): string {
  const last =
    chart
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? chart
  return last.replace(/\.tgz$/, '').replace(/-v?\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]*)?$/, '')
}

/** The standard Helm `fullname` helper. */
export function helmFullname(
  release: string,
  name: string,
  fullnameOverride: string | undefined,
  compare: 'contains' | 'equals',
): string {
  const trim = (value: string): string => value.slice(0, 63).replace(/-+$/, '')
  if (fullnameOverride) return trim(fullnameOverride)
  const sameAsRelease = compare === 'contains' ? release.includes(name) : release === name
  return trim(sameAsRelease ? release : `${release}-${name}`)
}

/** The chart's default name of a ServiceAccount derived from the release (`fullname`, with its component suffix). */
export function releaseDerivedName(
  spec: ChartServiceAccount,
  release: string,
  chart: string,
  values: (path: readonly string[]) => string | undefined,
): string | undefined {
  if ('fixed' in spec.defaultName) return undefined
  if ('chartNameSuffix' in spec.defaultName)
    return `${values(['nameOverride']) || chartName(chart)}-${spec.defaultName.chartNameSuffix}`
  const base =
    (values(['nameOverride']) ?? spec.defaultName.nameOverride) ||
    spec.defaultName.chartName?.(values) ||
    chartName(chart)
  const fullname = helmFullname(release, base, values(['fullnameOverride']), spec.defaultName.fullname)
  const suffix = spec.defaultName.suffix
  if (!suffix) return fullname
  return `${fullname}-${(suffix.path && values(suffix.path)) || suffix.default}`.slice(0, 63).replace(/-+$/, '')
}
