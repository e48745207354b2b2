import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { check, type CheckResult } from '../../src/check.js'
import { loadConfig } from '../../src/config-file.js'
import { allRules } from '../../src/rules/index.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { fixture, repositoryRoot } from '../helpers.js'

/**
 * Which failure modes of the catalogue (`reference/irsa-failure-modes.md`, ids A1 … L10) irsa-guard
 * catches, with which rule, and the fixture that proves it. docs/failure-modes.md is generated from
 * this table (`npm run docs`).
 */
type Status =
  /** Every form the repository can show, at the catalogue's level. */
  | 'caught'
  /** Some forms, or in some input formats only. */
  | 'partly'
  /** Caught, but at a level below the catalogue's (it does not block a merge that fails on errors). */
  | 'too-low'
  /** Not caught by any offline rule. */
  | 'missed'
  /** Left to live confirmation (the repository alone cannot show it). */
  | 'live'
  /** Not a failure mode a repository can show (not counted in the 88). */
  | 'not-visible'

type Level = 'error' | 'warning' | 'note'

interface Evidence {
  rule: string
  /** Fixture repository under __fixtures__/ where the rule reports this failure mode. */
  fires: string
  /** `path:line` of the finding in that repository. */
  at: string
  level: Level
  /** The corrected fixture, where the rule stays silent. */
  silent: string
}

interface FailureMode {
  id: string
  title: string
  /** The catalogue's severity. */
  severity: string
  status: Status
  evidence?: Evidence[]
  /** What is missing, or why it is left elsewhere. */
  note?: string
}

const rule = (name: string, at: string, level: Level, variant = 'fires'): Evidence => ({
  rule: name,
  fires: `rules/${name}/${variant}`,
  at,
  level,
  silent: `rules/${name}/silent`,
})

export const failureModes: readonly FailureMode[] = [
  {
    id: 'A1',
    title: 'OIDC-PROVIDER-MISSING',
    severity: 'ERROR',
    status: 'too-low',
    evidence: [rule('oidc-provider-missing', 'infra/roles.tf:13', 'warning')],
    note: 'a warning offline (the provider may be created outside the scan), an error only with live confirmation (live-oidc-provider-missing); enable_irsa = false with IRSA modules fed from the cluster module is not read',
  },
  {
    id: 'A2',
    title: 'OIDC-URL-MISMATCH',
    severity: 'ERROR',
    status: 'partly',
    evidence: [
      rule('cluster-issuer-mismatch', 'iam/staging/orders-reader.json:14', 'error'),
      rule('federated-principal-invalid', 'iam/external-dns-trust.json:33', 'error'),
    ],
    note: 'region, cluster ID and a trailing "/" in the Federated ARN are caught; a provider url with a trailing "/", ":443" or a query is not',
  },
  {
    id: 'A3',
    title: 'OIDC-CLIENTID-MISSING',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('oidc-provider-audience-missing', 'infra/oidc.tf:15', 'error')],
  },
  {
    id: 'A4',
    title: 'THUMBPRINT',
    severity: 'INFO',
    status: 'missed',
    note: 'deliberately silent: IAM no longer checks thumbprints for EKS issuers; the INFO hygiene note is not implemented',
  },
  {
    id: 'A6',
    title: 'OIDC-DUALSTACK-URL',
    severity: 'ERROR',
    status: 'partly',
    evidence: [rule('federated-principal-invalid', 'iam/cert-manager-trust.json:46', 'error')],
    note: 'the dual-stack host in a Federated ARN is caught; as a provider url, or terraform-aws-eks 21.0.0, it is not',
  },
  {
    id: 'A7',
    title: 'CLUSTER-RECREATED',
    severity: 'WARNING/ERROR',
    status: 'caught',
    evidence: [rule('cluster-issuer-mismatch', 'iam/orders-reader-trust.json:7', 'error')],
  },
  {
    id: 'A8',
    title: 'OIDC-PROVIDER-QUOTA',
    severity: 'INFO',
    status: 'not-visible',
    note: 'the number of providers in an account is not in any one repository',
  },
  {
    id: 'B1',
    title: 'TRUST-JSON-SYNTAX',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('trust-policy-invalid', 'iam/webhook-readme-trust.json:15', 'error')],
  },
  {
    id: 'B2',
    title: 'TRUST-VERSION',
    severity: 'INFO',
    status: 'partly',
    evidence: [rule('trust-policy-invalid', 'iam/orders-trust.json:2', 'error')],
    note: 'an unknown Version is an error; a missing or 2008-10-17 Version with policy variables is not reported',
  },
  {
    id: 'B3',
    title: 'TRUST-RESOURCE-FIELD',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('trust-policy-invalid', 'iam/orders-trust.json:11', 'error')],
  },
  {
    id: 'B4',
    title: 'TRUST-SIZE',
    severity: 'ERROR/WARNING',
    status: 'caught',
    evidence: [
      rule('trust-policy-too-large', 'iam/emr-virtual-clusters-trust.json:1', 'error'),
      rule('trust-policy-too-large', 'iam/kubeflow-profiles-trust.json:1', 'warning'),
    ],
  },
  {
    id: 'B5',
    title: 'TRUST-MULTI-PROVIDER-ONE-STATEMENT',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('condition-key-provider-mismatch', 'iam/karpenter-trust.json:9', 'error')],
  },
  {
    id: 'C1',
    title: 'PRINCIPAL-TYPE',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('trust-denies-service-account', 'k8s/service-accounts.yaml:39', 'error')],
  },
  {
    id: 'C2',
    title: 'PRINCIPAL-FORMAT',
    severity: 'ERROR',
    status: 'partly',
    evidence: [
      rule('federated-principal-invalid', 'iam/external-dns-trust.json:7', 'error'),
      rule('federated-principal-invalid', 'iam/loki-trust.json:33', 'error'),
    ],
    note: 'literal values are caught; module.eks.cluster_oidc_issuer_url used as the Terraform principal is not',
  },
  {
    id: 'C3',
    title: 'ACTION-WRONG',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('web-identity-action-missing', 'iam/spark-trust.json:9', 'error')],
  },
  {
    id: 'D1',
    title: 'COND-KEY-HTTPS-PREFIX',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('condition-key-invalid', 'iam/external-secrets-trust.json:12', 'error')],
  },
  {
    id: 'D2',
    title: 'COND-KEY-IS-ARN',
    severity: 'ERROR',
    status: 'partly',
    evidence: [rule('condition-key-invalid', 'iam/karpenter-trust.json:12', 'error')],
    note: 'a literal ARN key is caught; "${module.eks.oidc_provider_arn}:sub" in Terraform is not',
  },
  {
    id: 'D3',
    title: 'COND-KEY-PROVIDER-MISMATCH',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('condition-key-provider-mismatch', 'iam/velero-trust.json:12', 'error')],
  },
  {
    id: 'D4',
    title: 'COND-SUB-FORMAT',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('sub-value-invalid', 'iam/legacy-app-trust.json:14', 'error')],
  },
  {
    id: 'D5',
    title: 'COND-SUB-MISMATCH',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('trust-denies-service-account', 'iam/orders-reader-trust.json:12', 'error')],
  },
  {
    id: 'D6',
    title: 'COND-STRINGEQUALS-WILDCARD',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('sub-wildcard-needs-stringlike', 'iam/reports-trust.json:13', 'error')],
  },
  {
    id: 'D7',
    title: 'COND-STRINGLIKE-OVERBROAD',
    severity: 'CRITICAL/WARNING',
    status: 'caught',
    evidence: [
      rule('sub-condition-broad', 'iam/eks-admin-trust.json:16', 'error'),
      rule('sub-condition-broad', 'iam/tenants-trust.json:48', 'warning'),
    ],
  },
  {
    id: 'D8',
    title: 'COND-NO-SUB',
    severity: 'CRITICAL',
    status: 'caught',
    evidence: [rule('sub-condition-missing', 'iam/shared-tools-trust.json:4', 'error')],
  },
  {
    id: 'D9',
    title: 'COND-AUD-MISSING-OR-WRONG',
    severity: 'INFO/ERROR',
    status: 'caught',
    evidence: [
      rule('aud-condition-invalid', 'iam/uploader-trust.json:13', 'error'),
      rule('aud-condition-invalid', 'iam/reports-trust.json:10', 'note'),
    ],
  },
  {
    id: 'D10',
    title: 'AUD-ANNOTATION-MISMATCH',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('audience-mismatch', 'k8s/service-accounts.yaml:8', 'error')],
  },
  {
    id: 'D11',
    title: 'COND-NEGATED-FAIL-OPEN',
    severity: 'CRITICAL',
    status: 'caught',
    evidence: [rule('condition-fails-open', 'iam/migrations-trust.json:12', 'error')],
  },
  {
    id: 'D12',
    title: 'COND-OPERATOR-CASE',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('trust-policy-invalid', 'iam/orders-trust.json:13', 'error')],
  },
  {
    id: 'D13',
    title: 'COND-SET-OPERATOR-MISUSE',
    severity: 'INFO/WARNING',
    status: 'partly',
    evidence: [rule('condition-fails-open', 'iam/migrations-trust.json:15', 'error')],
    note: 'ForAllValues is caught as fail-open; ForAnyValue on a single-valued ":sub" is not reported',
  },
  {
    id: 'E1',
    title: 'ARN-MALFORMED',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('role-arn-invalid', 'k8s/service-accounts.yaml:80', 'error')],
  },
  {
    id: 'E2',
    title: 'ARN-PARTITION',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('role-arn-partition-mismatch', 'k8s/service-accounts.yaml:7', 'error'),
      rule('role-arn-invalid', 'k8s/service-accounts.yaml:24', 'error'),
    ],
    note: "the cluster region comes from the EKS provider the role's trust names; a role the scan does not define is not checked",
  },
  {
    id: 'E3',
    title: 'ARN-WHITESPACE',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('role-arn-invalid', 'k8s/service-accounts.yaml:7', 'error'),
      rule('role-arn-invalid', 'k8s/service-accounts.yaml:56', 'error'),
    ],
  },
  {
    id: 'E4',
    title: 'ARN-BARE-NAME',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('role-arn-invalid', 'k8s/service-accounts.yaml:64', 'error')],
  },
  {
    id: 'E5',
    title: 'ARN-PATH-MISMATCH',
    severity: 'ERROR',
    status: 'too-low',
    evidence: [rule('role-not-found', 'k8s/service-accounts.yaml:15', 'warning')],
    note: 'a warning offline, because the role may also exist under the annotated path outside the scan; live-role-missing confirms it as an error',
  },
  {
    id: 'E6',
    title: 'ROLE-NOT-FOUND',
    severity: 'ERROR (offline WARNING)',
    status: 'caught',
    evidence: [rule('role-not-found', 'k8s/service-accounts.yaml:7', 'warning')],
  },
  {
    id: 'E7',
    title: 'ARN-ACCOUNT-MISMATCH',
    severity: 'ERROR/WARNING',
    status: 'caught',
    evidence: [rule('role-account-mismatch', 'k8s/service-accounts.yaml:23', 'error')],
  },
  {
    id: 'E8',
    title: 'HELM-NUMERIC-ACCOUNT',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      {
        rule: 'role-arn-invalid',
        fires: 'helm/numeric-account/fires',
        at: 'charts/payments/values.yaml:9',
        level: 'error',
        silent: 'helm/numeric-account/clean',
      },
    ],
  },
  {
    id: 'E9',
    title: 'ANNOTATION-VALUE-PLACEHOLDER',
    severity: 'WARNING',
    status: 'caught',
    evidence: [rule('role-arn-placeholder', 'k8s/service-accounts.yaml:47', 'warning')],
  },
  {
    id: 'F1',
    title: 'ANNOT-WRONG-OBJECT',
    severity: 'ERROR',
    status: 'partly',
    evidence: [rule('annotation-wrong-object', 'k8s/workloads.yaml:14', 'error')],
    note: 'manifests, Helm and Kustomize are caught; annotations on Terraform kubernetes_deployment are not',
  },
  {
    id: 'F2',
    title: 'ANNOT-KEY-TYPO',
    severity: 'ERROR/INFO',
    status: 'caught',
    evidence: [rule('annotation-key-typo', 'k8s/service-accounts.yaml:7', 'error')],
  },
  {
    id: 'F3',
    title: 'POD-ANNOT-MISPLACED',
    severity: 'WARNING',
    status: 'missed',
    note: 'skip-containers naming no container, and pod annotations on the Deployment metadata, are not reported',
  },
  {
    id: 'F4',
    title: 'TOKEN-EXPIRATION-VALUE',
    severity: 'INFO/WARNING',
    status: 'caught',
    evidence: [rule('annotation-value-invalid', 'k8s/service-accounts.yaml:26', 'warning')],
  },
  {
    id: 'F5',
    title: 'STS-REGIONAL-ANNOTATION-VALUE',
    severity: 'WARNING',
    status: 'caught',
    evidence: [rule('annotation-value-invalid', 'k8s/service-accounts.yaml:35', 'warning')],
  },
  {
    id: 'F6',
    title: 'SA-NOT-FOUND',
    severity: 'WARNING/ERROR',
    status: 'too-low',
    evidence: [
      rule('workload-service-account-missing', 'k8s/orders/deployments.yaml:15', 'warning'),
      rule('service-account-ref-missing', 'k8s/stores.yaml:28', 'warning'),
    ],
    note: 'a warning even where no source defines the ServiceAccount: a repository rarely shows every place ServiceAccounts come from',
  },
  {
    id: 'F7',
    title: 'SA-DEFAULT-UNANNOTATED',
    severity: 'ERROR/INFO',
    status: 'partly',
    evidence: [
      rule('workload-runs-as-default', 'k8s/orders/orders.yaml:12', 'error'),
      rule('workload-runs-as-default', 'k8s/orders/orders.yaml:38', 'error'),
    ],
    note: 'the error form (an unused annotated ServiceAccount named like the workload, applied with it) is caught; a chart values file with serviceAccount.create: false and no name is not, and the INFO form is deliberately silent',
  },
  {
    id: 'F8',
    title: 'NS-MISMATCH-KUSTOMIZE',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      {
        rule: 'trust-denies-service-account',
        fires: 'kustomize/namespace-overlay/fires',
        at: 'overlays/prod/kustomization.yaml:3',
        level: 'error',
        silent: 'kustomize/namespace-overlay/clean',
      },
    ],
  },
  {
    id: 'F9',
    title: 'NAME-MISMATCH-KUSTOMIZE-PREFIX',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      {
        rule: 'trust-denies-service-account',
        fires: 'kustomize/name-prefix/fires',
        at: 'overlays/prod/kustomization.yaml:4',
        level: 'error',
        silent: 'kustomize/name-prefix/clean',
      },
    ],
  },
  {
    id: 'F10',
    title: 'NS-MISMATCH-HELM/GITOPS',
    severity: 'ERROR/WARNING',
    status: 'partly',
    evidence: [
      {
        rule: 'trust-denies-service-account',
        fires: 'helm/release-name/fires',
        at: 'argocd/orders-staging.yaml:13',
        level: 'error',
        silent: 'helm/release-name/clean',
      },
    ],
    note: 'Argo CD, Flux and configured releases are resolved; local charts in Terraform helm_release are not rendered',
  },
  {
    id: 'F11',
    title: 'HELM-VALUES-PATH/ESCAPING',
    severity: 'ERROR',
    status: 'too-low',
    evidence: [rule('helm-value-path-unused', 'main.tf:13', 'warning')],
    note: 'values paths of modelled charts are a warning; unescaped dots in Terraform set names are not reported',
  },
  {
    id: 'F12',
    title: 'EKS-ADDON-SA-NAMES',
    severity: 'ERROR',
    status: 'missed',
    note: "add-on roles (aws_eks_addon, eksctl addons[].serviceAccountRoleARN) are not joined to the add-on's fixed ServiceAccount names",
  },
  {
    id: 'G1',
    title: 'POD-PREDATES-ANNOTATION',
    severity: 'INFO',
    status: 'not-visible',
    note: 'depends on when the pods were created, which the repository does not record',
  },
  {
    id: 'G2',
    title: 'WEBHOOK-RACE',
    severity: 'INFO/WARNING',
    status: 'missed',
    note: 'apply ordering of a ServiceAccount and its first pod is not modelled',
  },
  { id: 'G3', title: 'WEBHOOK-ABSENT', severity: 'INFO', status: 'missed', note: 'non-EKS targets are out of scope' },
  {
    id: 'G4',
    title: 'SKIP-LABEL',
    severity: 'WARNING',
    status: 'caught',
    evidence: [rule('webhook-skip-label', 'k8s/reports.yaml:22', 'warning')],
  },
  {
    id: 'G5',
    title: 'ENV-PRESET-PARTIAL',
    severity: 'ERROR/WARNING',
    status: 'partly',
    evidence: [
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:20', 'error'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:52', 'error'),
    ],
    note: 'a mismatched or single variable is an error (a warning when envFrom may supply the other); both set by hand and agreeing is not reported',
  },
  {
    id: 'G6',
    title: 'TOKEN-FILE-WRONG',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('workload-env-blocks-injection', 'k8s/workloads.yaml:76', 'error')],
  },
  {
    id: 'G7',
    title: 'SIDECAR-NOT-MUTATED',
    severity: 'INFO/WARNING',
    status: 'missed',
    note: 'other mutating injectors are not modelled',
  },
  {
    id: 'G8',
    title: 'SIDECAR-RESTARTPOLICY-STRIP',
    severity: 'INFO/WARNING',
    status: 'missed',
    note: 'self-hosted webhook image versions are not read',
  },
  {
    id: 'G9',
    title: 'WINDOWS-NODEAFFINITY',
    severity: 'WARNING',
    status: 'missed',
    note: 'node selection of pods is not read',
  },
  {
    id: 'G10',
    title: 'NONROOT-TOKEN-PERMS',
    severity: 'WARNING/INFO',
    status: 'missed',
    note: 'needs the cluster version (< 1.19 only), which is rarely in the repository',
  },
  {
    id: 'G11',
    title: 'AUTOMOUNT-FALSE',
    severity: 'INFO (not an error)',
    status: 'not-visible',
    note: 'not a failure: automountServiceAccountToken does not affect IRSA, and irsa-guard rightly says nothing',
  },
  {
    id: 'G12',
    title: 'HOSTNETWORK/IMDS',
    severity: 'INFO/WARNING',
    status: 'missed',
    note: 'hostNetwork and node metadata options are not read',
  },
  { id: 'H1', title: 'SDK-TOO-OLD', severity: 'WARNING', status: 'missed', note: 'build and lock files are not read' },
  {
    id: 'H2',
    title: 'SDK-MISSING-STS-MODULE',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('sdk-sts-module-missing', 'services/orders/pom.xml:21', 'error'),
      rule('sdk-sts-module-missing', 'services/ledger/Ledger.csproj:6', 'error'),
      rule('sdk-sts-module-missing', 'services/billing/build.gradle.kts:7', 'warning'),
    ],
    note: 'an error where the service directory holds the IRSA workload, a warning elsewhere (transitive dependencies are not read)',
  },
  {
    id: 'H3',
    title: 'CRED-CHAIN-SHADOWED',
    severity: 'WARNING',
    status: 'partly',
    evidence: [rule('workload-env-blocks-injection', 'k8s/workloads.yaml:98', 'warning')],
    note: 'static keys in the container env are caught; mounted credentials files and AWS_PROFILE naming a static profile are not',
  },
  {
    id: 'H4',
    title: 'REGION-MISSING',
    severity: 'WARNING',
    status: 'missed',
    note: 'Fargate profiles and region env are not joined',
  },
  {
    id: 'H5',
    title: 'STS-GLOBAL-UNREACHABLE',
    severity: 'WARNING',
    status: 'missed',
    note: 'private clusters and STS VPC endpoints are not modelled',
  },
  {
    id: 'H6',
    title: 'STS-EXPLICIT-GLOBAL',
    severity: 'INFO/WARNING',
    status: 'missed',
    note: 'application config is not read',
  },
  {
    id: 'H7',
    title: 'SELF-ASSUME',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('controller-role-not-assumable', 'k8s/issuers.yaml:14', 'error')],
    note: 'cert-manager Issuer/ClusterIssuer route53.role is read; external-dns --aws-assume-role and application code are not',
  },
  {
    id: 'H8',
    title: 'TOKEN-CACHED',
    severity: 'INFO',
    status: 'missed',
    note: 'covered by H1 in the catalogue; SDK versions are not read',
  },
  {
    id: 'I1',
    title: 'XACCT-PROVIDER-MISSING',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('role-account-mismatch', 'iam/payments-trust.json:7', 'error')],
  },
  {
    id: 'I2',
    title: 'XACCT-CHAIN-CONFIG',
    severity: 'WARNING/ERROR',
    status: 'caught',
    evidence: [
      rule('cross-account-chain-broken', 'iam/account-b-role-trust.json:6', 'error'),
      rule('cross-account-chain-broken', 'k8s/ledger.yaml:41', 'warning'),
    ],
  },
  {
    id: 'I3',
    title: 'XACCT-ANNOTATION-ACCOUNT-SURPRISE',
    severity: 'WARNING',
    status: 'missed',
    note: 'the annotation account is compared with where the role is defined (E7), not with the cluster account',
  },
  {
    id: 'I4',
    title: 'PI-CROSS-ACCOUNT',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('pod-identity-role-cross-account', 'infra/cluster.tf:14', 'error'),
      rule('pod-identity-role-cross-account', 'eksctl/cluster.yaml:11', 'error'),
      rule('pod-identity-role-cross-account', 'infra/cluster.tf:28', 'error'),
      rule('pod-identity-role-cross-account', 'cfn/pod-identity.yaml:9', 'error', 'fires-cloudformation'),
    ],
    note: "Terraform, eksctl and CloudFormation associations (plans read target_role_arn too); the cluster's account comes from the config file, the cluster role ARN (aws_eks_cluster role_arn, eksctl iam.serviceRoleARN) or a plan's cluster ARN, and when none states it the rule stays silent; a target role's trust is checked for sts:AssumeRole and sts:TagSession from the association role",
  },
  {
    id: 'J1',
    title: 'PARTITION-ARN',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('federated-principal-invalid', 'iam/ebs-csi-trust.json:8', 'error')],
  },
  {
    id: 'J2',
    title: 'CN-AUDIENCE',
    severity: 'ERROR/WARNING',
    status: 'partly',
    evidence: [
      rule('oidc-provider-audience-missing', 'infra-cn/oidc.tf:5', 'error'),
      rule('aud-condition-invalid', 'iam/billing-cn-trust.json:13', 'error'),
    ],
    note: 'sts.amazonaws.com.cn audiences are caught; terraform-aws-eks below v20 in cn-* regions is not',
  },
  {
    id: 'J3',
    title: 'CN-ISSUER-DOMAIN',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('federated-principal-invalid', 'iam/ebs-csi-trust.json:36', 'error')],
  },
  {
    id: 'J4',
    title: 'PARTITION-STS',
    severity: 'WARNING',
    status: 'missed',
    note: 'STS endpoint settings are not joined with the partition',
  },
  {
    id: 'J5',
    title: 'PI-PRINCIPAL-CN',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('pod-identity-trust-invalid', 'infra/china.tf:9', 'error')],
  },
  {
    id: 'K1',
    title: 'OUTPOSTS-LOCAL',
    severity: 'ERROR',
    status: 'missed',
    note: 'Outposts local clusters are not modelled',
  },
  {
    id: 'K2',
    title: 'FARGATE',
    severity: 'ERROR/WARNING',
    status: 'missed',
    note: 'Fargate profiles are not modelled',
  },
  { id: 'K3', title: 'WINDOWS', severity: 'ERROR', status: 'missed', note: 'node selection of pods is not read' },
  {
    id: 'K4',
    title: 'NON-EKS',
    severity: 'INFO',
    status: 'missed',
    note: 'non-EKS issuers are out of scope (no finding, no note)',
  },
  {
    id: 'L1',
    title: 'PI-IRSA-BOTH',
    severity: 'WARNING/ERROR',
    status: 'caught',
    evidence: [
      rule('pod-identity-overrides-irsa', 'k8s/service-accounts.yaml:7', 'error'),
      rule('pod-identity-overrides-irsa', 'k8s/service-accounts.yaml:15', 'warning'),
    ],
  },
  {
    id: 'L2',
    title: 'PI-TRUST-WRONG',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('pod-identity-trust-invalid', 'infra/pod-identity.tf:14', 'error')],
  },
  {
    id: 'L3',
    title: 'PI-TAGSESSION-MISSING',
    severity: 'ERROR',
    status: 'caught',
    evidence: [rule('pod-identity-trust-invalid', 'infra/pod-identity.tf:42', 'error')],
  },
  {
    id: 'L4',
    title: 'PI-CONDITIONS',
    severity: 'WARNING/INFO',
    status: 'caught',
    evidence: [
      rule('pod-identity-trust-condition-mismatch', 'infra/pod-identity.tf:20', 'warning'),
      rule('pod-identity-trust-condition-mismatch', 'infra/pod-identity.tf:45', 'warning'),
      rule('pod-identity-trust-condition-mismatch', 'iam/billing-invoices.json:14', 'warning'),
      rule('pod-identity-trust-open', 'infra/pod-identity.tf:6', 'note'),
    ],
    note: 'RequestTag namespace, service account, cluster name and ARN and aws:SourceAccount against each association (Terraform, eksctl, CloudFormation); aws:SourceArn stays unknown (its value is the association ARN EKS assigns at apply time); the open-trust note is for trusts the repository writes, not those eksctl or a registry module generates (no place to add a condition there)',
  },
  {
    id: 'L5',
    title: 'PI-UNSUPPORTED-PLATFORM',
    severity: 'ERROR',
    status: 'missed',
    note: 'cluster platform versions, Fargate and Windows are not modelled',
  },
  {
    id: 'L6',
    title: 'PI-AGENT-MISSING',
    severity: 'ERROR',
    status: 'partly',
    evidence: [
      rule('pod-identity-agent-missing', 'infra/cluster.tf:11', 'error'),
      rule('pod-identity-agent-missing', 'infra/eks-module.tf:6', 'error'),
      rule('pod-identity-agent-missing', 'eksctl/cluster.yaml:11', 'error'),
    ],
    note: 'the agent add-on missing from a complete add-on list (aws_eks_addon, terraform-aws-eks addons, eksctl addons; not Auto Mode) is caught; node roles lacking eks-auth:AssumeRoleForPodIdentity are not modelled (node groups and their roles are not facts)',
  },
  {
    id: 'L7',
    title: 'PI-NS-MISMATCH',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('pod-identity-service-account-mismatch', 'infra/pod-identity.tf:24', 'error'),
      rule('pod-identity-service-account-mismatch', 'eksctl/cluster.yaml:10', 'error'),
      rule('pod-identity-service-account-mismatch', 'infra/karpenter.tf:3', 'error', 'fires-karpenter-module'),
      rule('pod-identity-service-account-mismatch', 'infra/karpenter.tf:3', 'error', 'fires-karpenter-release'),
    ],
    note: 'explicit associations (Terraform, plans, eksctl, CloudFormation) and the association of terraform-aws-eks modules/karpenter (v21 by default, v20 with create_pod_identity_association; a pinned major version) against the ServiceAccount of a manifest or of the karpenter chart release',
  },
  {
    id: 'L8',
    title: 'PI-ASSOCIATION-AFTER-POD',
    severity: 'INFO',
    status: 'not-visible',
    note: 'depends on when the pods were created, which the repository does not record',
  },
  {
    id: 'L9',
    title: 'PI-MIGRATION-LEFTOVERS',
    severity: 'INFO/WARNING',
    status: 'caught',
    evidence: [
      rule('pod-identity-irsa-trust-leftover', 'infra/roles.tf:12', 'warning'),
      rule('pod-identity-irsa-trust-leftover', 'infra/roles.tf:48', 'note'),
    ],
    note: 'a warning when every ServiceAccount the IRSA statement names is in the scan without a role-arn annotation and mapped to the role by an association (the migration is done), a note otherwise',
  },
  {
    id: 'L10',
    title: 'PI-CHAIN-TAGSESSION',
    severity: 'WARNING',
    status: 'caught',
    evidence: [
      rule('pod-identity-chain-tag-session-missing', 'infra/roles.tf:11', 'warning'),
      rule('pod-identity-chain-tag-session-missing', 'infra/dns.tf:11', 'warning', 'fires-cert-manager'),
    ],
    note: 'AWS profile chains from the container credentials (credential_source = EcsContainer) of pods whose ServiceAccount has an association, and cert-manager route53.role with an association for ServiceAccount cert-manager; the association target role (I4) is checked by pod-identity-role-cross-account',
  },
]

const STATUS_TEXT: Record<Status, string> = {
  caught: 'caught',
  partly: 'partly caught',
  'too-low': 'caught below the catalogue level',
  missed: 'missed',
  live: 'left to live confirmation',
  'not-visible': 'not visible in a repository',
}

const DOC_PATH = path.join(repositoryRoot, 'docs', 'failure-modes.md')
const catalogueSeverityError = (mode: FailureMode): boolean =>
  /ERROR|CRITICAL/.test(mode.severity) && !/offline WARNING/.test(mode.severity)

function count(status: Status): number {
  return failureModes.filter((mode) => mode.status === status).length
}

export function renderFailureModes(): string {
  const visible = failureModes.filter((mode) => mode.status !== 'not-visible')
  const missedErrors = visible.filter((mode) => mode.status === 'missed' && catalogueSeverityError(mode))
  const rows = failureModes.map((mode) => {
    const rules = [
      ...new Set((mode.evidence ?? []).map((evidence) => `[\`${evidence.rule}\`](rules/${evidence.rule}.md)`)),
    ].join(', ')
    const fixtures = (mode.evidence ?? [])
      .map((evidence) => `\`${evidence.fires}/${evidence.at}\` (${evidence.level})`)
      .join('<br>')
    return `| ${mode.id} | ${mode.title} | ${mode.severity} | ${STATUS_TEXT[mode.status]} | ${rules} | ${fixtures} | ${(mode.note ?? '').replace(/\|/g, '\\|')} |`
  })
  return [
    '# Failure modes and the rules that catch them',
    '',
    'Generated from `test/meta/failure-modes.test.ts` by `npm run docs`; do not edit by hand. The ids are those of the',
    'failure-mode catalogue (`reference/irsa-failure-modes.md`); the test runs every fixture named here and checks that',
    'the rule reports the failure mode at that line and level, and stays silent on the corrected fixture.',
    '',
    `Of the ${visible.length} failure modes a repository can show: ${count('caught')} caught, ${count('partly')} partly caught, ` +
      `${count('too-low')} caught below the catalogue level, ${count('missed')} missed, ${count('live')} left to live confirmation. ` +
      `${failureModes.length - visible.length} more are not visible in a repository.`,
    '',
    `Missed although the catalogue rates them ERROR: ${missedErrors.map((mode) => mode.id).join(', ') || 'none'}.`,
    '',
    '| Id | Failure mode | Catalogue | Status | Rules | Fires in (level) | Note |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n')
}

const results = new Map<string, Promise<CheckResult>>()
function checkFixture(relative: string): Promise<CheckResult> {
  let result = results.get(relative)
  if (!result) {
    const root = fixture(...relative.split('/'))
    result = loadConfig({ root, cwd: root }).then((config) => check({ root, config }))
    results.set(relative, result)
  }
  return result
}

const ruleIds = new Set([...allRules, ...liveRules].map((registered) => registered.meta.id))

describe('the failure-mode table', () => {
  it('lists every catalogue id once, 88 of them visible in a repository', () => {
    const ids = failureModes.map((mode) => mode.id)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
    expect(ids.filter((id) => !/^[A-L]\d{1,2}$/.test(id))).toEqual([])
    expect(failureModes.filter((mode) => mode.status !== 'not-visible').length).toBe(88)
  })

  it('gives evidence for every caught id and a reason for every other', () => {
    const covered: Status[] = ['caught', 'partly', 'too-low']
    expect(
      failureModes.filter((mode) => covered.includes(mode.status) && !mode.evidence?.length).map((mode) => mode.id),
    ).toEqual([])
    expect(
      failureModes
        .filter((mode) => !covered.includes(mode.status) && (mode.evidence?.length || !mode.note))
        .map((mode) => mode.id),
    ).toEqual([])
    expect(
      failureModes
        .filter((mode) => mode.status !== 'caught' && mode.status !== 'not-visible' && !mode.note)
        .map((mode) => mode.id),
    ).toEqual([])
    expect(
      failureModes
        .flatMap((mode) => mode.evidence ?? [])
        .filter((evidence) => !ruleIds.has(evidence.rule))
        .map((evidence) => evidence.rule),
    ).toEqual([])
  })

  it('is written out in docs/failure-modes.md (UPDATE_DOCS=1 regenerates it)', () => {
    const expected = renderFailureModes()
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC_PATH, expected)
    expect(existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '(missing docs/failure-modes.md)').toBe(expected)
  })
})

const evidence = failureModes.flatMap((mode) =>
  (mode.evidence ?? []).map((item) => [mode.id, item.rule, item.at, item] as const),
)

describe.each(evidence)('%s: %s', (_id, ruleId, at, item) => {
  it(`reports ${at} at level ${item.level} in ${item.fires}`, async () => {
    const result = await checkFixture(item.fires)
    const found = result.findings
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => `${finding.location.path}:${finding.location.line} ${finding.level}`)
    expect(found).toContain(`${at} ${item.level}`)
  })

  it(`stays silent on ${item.silent}`, async () => {
    const result = await checkFixture(item.silent)
    expect(
      result.findings
        .filter((finding) => finding.ruleId === ruleId)
        .map((finding) => `${finding.location.path}:${finding.location.line}`),
    ).toEqual([])
  })
})
