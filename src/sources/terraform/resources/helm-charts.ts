import semver from 'semver'
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
  /**
   * The chart's ServiceAccount-name helper is `create ? default <fullname> name : default "default" name`
   * (the `helm create` scaffold) and values.yaml leaves `name` empty: with `create: false` and no
   * name, the chart renders no ServiceAccount and its pods run as `default` (catalogue F7). `since`:
   * the first chart version with this helper at this path; without it, every version has it.
   */
  defaultWhenNotCreated?: { since?: string }
}

/**
 * Charts whose helper gives `default` (templates/_helpers.tpl `<chart>.serviceAccountName`,
 * `{{ default "default" .Values.serviceAccount.name }}` in the `else` of `create`), the same in
 * every version of each chart's history (`git log` of the file, Chart.yaml's version at each commit):
 * aws/eks-charts@5239609242f3 aws-load-balancer-controller 0.1.0–3.5.0;
 * kubernetes-sigs/external-dns@2bf1bf8af2b7 charts/external-dns 1.2.0–1.21.1;
 * aws/karpenter-provider-aws@1d927085dd81 charts/karpenter 0.5.3–1.14.1;
 * cert-manager/cert-manager@2d0d7f7f7424 deploy/charts/cert-manager (since 2019-01);
 * external-secrets/external-secrets@cc5bfbc2234a deploy/charts/external-secrets 0.1.0–2.9.0;
 * kubecost/cost-analyzer-helm-chart@b01e76c9ec21 cost-analyzer 1.29.0–2.3.3;
 * kubernetes/autoscaler@e9e32f3437 charts/cluster-autoscaler 1.0.0–9.36.0 (`rbac.serviceAccount`);
 * vmware-tanzu/helm-charts@73466ca986bb charts/velero 2.13.7–12.1.0 (`serviceAccount.server`).
 * Their ServiceAccount templates render only when `create` is true: the annotations go nowhere.
 */
const STANDARD: ChartServiceAccount = {
  path: ['serviceAccount'],
  defaultName: { fullname: 'contains' },
  defaultWhenNotCreated: {},
}

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
      defaultWhenNotCreated: {},
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
    {
      path: ['serviceAccount', 'server'],
      defaultName: { fullname: 'contains', suffix: { default: 'server' } },
      defaultWhenNotCreated: {},
    },
  ],
  // aws/eks-charts@5239609242f3 stable/aws-for-fluent-bit 0.2.0: templates/serviceaccount.yaml,
  // _helpers.tpl `aws-for-fluent-bit.serviceAccountName` = serviceAccount.name or fullname;
  // namespace `global.namespaceOverride`. The helper returns the fullname whether or not `create`
  // is set (since 0.1.2; 0.1.0 gave `default`): with `create: false` the pods run as a
  // ServiceAccount the release does not create, which may well exist elsewhere.
  'aws-for-fluent-bit': [
    { path: ['serviceAccount'], defaultName: { fullname: 'contains' }, namespacePath: ['global', 'namespaceOverride'] },
  ],
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
  // `namespaceOverride` (_common.tpl). Every component's helper gives `default` when `create` is
  // false and the name empty (since chart 1.0.9, 2019), but only repoServer's name is empty in
  // values.yaml: the others keep their fixed name.
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
      defaultWhenNotCreated: {},
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
  // templates/controller/_helpers.tpl and webhook/_helpers.tpl give `default` when `create` is
  // false and the name empty since 2.0.0-rc.0 (1.x had no controller./webhook.serviceAccount).
  'spark-operator': [
    {
      path: ['controller', 'serviceAccount'],
      defaultName: { fullname: 'contains', suffix: { default: 'controller' } },
      defaultWhenNotCreated: { since: '2.0.0-rc.0' },
    },
    {
      path: ['webhook', 'serviceAccount'],
      defaultName: { fullname: 'contains', suffix: { default: 'webhook' } },
      defaultWhenNotCreated: { since: '2.0.0-rc.0' },
    },
  ],
}

/**
 * The ServiceAccount settings of a modelled chart whose pods run as `default` when the release
 * sets `create: false` and no name, at this chart version (`version` as written: a version, a
 * range, undefined for the newest, null when known only at apply time). A version or range that
 * reaches before `since`, or that irsa-guard cannot read, is unknown: none.
 */
export function settingsRunningAsDefault(chart: string, version: string | null | undefined): ChartServiceAccount[] {
  const specs = CHART_SERVICE_ACCOUNTS[chartName(chart)] ?? []
  return specs.filter((spec) => {
    const since = spec.defaultWhenNotCreated?.since
    if (!spec.defaultWhenNotCreated) return false
    if (since === undefined || version === undefined || version?.trim() === '') return true
    if (version === null) return false
    const range = semver.validRange(version.trim().replace(/^v(?=\d)/, ''))
    return range !== null && semver.subset(range, `>=${since}`, { includePrerelease: true })
  })
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
