/**
 * Where common AWS add-on charts keep their ServiceAccount settings and how they name it when
 * `name` is empty (read from each chart's templates/_helpers.tpl and values.yaml):
 * - `fullname`: the standard helper: `fullnameOverride`, else the release name when it contains
 *   the chart name (`nameOverride` if set), else `<release>-<name>`; 63 characters, no trailing `-`.
 * - cluster-autoscaler's helper uses `<cloudProvider>-cluster-autoscaler` as the name and compares
 *   it for equality, not containment (so release `cluster-autoscaler` gives
 *   `cluster-autoscaler-aws-cluster-autoscaler`).
 * - A fixed default `name` in values.yaml (the CSI drivers).
 */
export interface ChartServiceAccount {
  /** Values path of the ServiceAccount settings (`create`, `name`, `annotations`). */
  path: readonly string[]
  /** The default name: a fixed string, or one derived from the release. */
  defaultName: { fixed: string } | { fullname: 'contains' | 'equals'; chartName?: (values: (path: readonly string[]) => string | undefined) => string }
  /** A values path that overrides the release namespace. */
  namespacePath?: readonly string[]
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
      defaultName: { fullname: 'equals', chartName: (values) => `${values(['cloudProvider']) || 'aws'}-cluster-autoscaler` },
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
}

/** `eks/aws-load-balancer-controller`, `oci://…/karpenter`, `…/aws-load-balancer-controller-1.8.1.tgz` → the chart's name. */
export function chartName(chart: string): string {
  const last = chart.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? chart
  return last.replace(/\.tgz$/, '').replace(/-v?\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]*)?$/, '')
}

/** The standard Helm `fullname` helper. */
export function helmFullname(release: string, name: string, fullnameOverride: string | undefined, compare: 'contains' | 'equals'): string {
  const trim = (value: string): string => value.slice(0, 63).replace(/-+$/, '')
  if (fullnameOverride) return trim(fullnameOverride)
  const sameAsRelease = compare === 'contains' ? release.includes(name) : release === name
  return trim(sameAsRelease ? release : `${release}-${name}`)
}
