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
    status: 'caught',
    evidence: [
      rule('oidc-provider-missing', 'infra/main.tf:17', 'error', 'fires-irsa-disabled'),
      rule('oidc-provider-missing', 'infra/main.tf:30', 'error', 'fires-irsa-disabled'),
      rule('oidc-provider-missing', 'legacy/main.tf:18', 'error', 'fires-irsa-disabled'),
      rule('oidc-provider-missing', 'eksctl/cluster.yaml:7', 'error', 'fires-irsa-disabled'),
      rule('oidc-provider-missing', 'infra/roles.tf:13', 'warning'),
    ],
    note: 'the certain forms are errors: terraform-aws-eks with enable_irsa = false (or v17 and older without it) whose oidc_provider_arn feeds an IRSA module or a trust, eksctl iam.withOIDC: false with iam.serviceAccounts; a provider no scanned source defines stays a warning, since it may be created outside the scan (unknowable offline; live-oidc-provider-missing confirms it as an error); Outposts is K1',
  },
  {
    id: 'A2',
    title: 'OIDC-URL-MISMATCH',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('cluster-issuer-mismatch', 'iam/staging/orders-reader.json:14', 'error'),
      rule('federated-principal-invalid', 'iam/external-dns-trust.json:33', 'error'),
      rule('oidc-provider-url-invalid', 'infra/providers.tf:16', 'error'),
      rule('oidc-provider-url-invalid', 'cfn/oidc-provider.yaml:6', 'error'),
      rule('oidc-provider-url-invalid', 'infra/providers.tf:21', 'error'),
      rule('oidc-provider-url-invalid', 'infra/providers.tf:26', 'error'),
      {
        rule: 'oidc-provider-url-invalid',
        fires: 'rules/oidc-provider-url-invalid/fires-script',
        at: 'scripts/bootstrap.sh:5',
        level: 'error',
        silent: 'rules/oidc-provider-url-invalid/silent-script',
      },
    ],
    note: 'region, cluster ID and a trailing "/" in the Federated ARN, and a provider URL (Terraform, CloudFormation, plans, aws iam create-open-id-connect-provider --url in scripts) with a trailing "/" after an EKS issuer, a query, or not https, are caught; a port is deliberately left alone (eksctl creates providers with ":443" and they work, so IAM evidently drops the default port; another port cannot be judged offline)',
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
    status: 'caught',
    evidence: [
      rule('oidc-provider-thumbprint-invalid', 'infra/oidc.tf:4', 'note'),
      rule('oidc-provider-thumbprint-invalid', 'cfn/oidc-provider.yaml:10', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'cluster/main.tf:9', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'existing/main.tf:5', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'irsa/main.tf:2', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'shared/main.tf:10', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'literal/main.tf:1', 'note'),
      rule('oidc-provider-thumbprint-fetched', 'platform/main.tf:8', 'note'),
    ],
    note: 'a thumbprint that is not 40 hexadecimal characters is a note; well-formed thumbprints are never reported (IAM no longer checks them for EKS issuers); a data "tls_certificate" of the EKS issuer (aws_eks_cluster identity, module.eks.cluster_oidc_issuer_url, a literal oidc.eks URL) feeding thumbprint_list is a note, and so is terraform-aws-eks include_oidc_root_ca_thumbprint = true written out; the module\'s own fetch by default (true since v19.20.0, still in v21.19.0) and a called module\'s optional (counted) fetch are not reported: that would be a note on every use of the module, for a plan-time failure Terraform reports itself',
  },
  {
    id: 'A6',
    title: 'OIDC-DUALSTACK-URL',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('federated-principal-invalid', 'iam/cert-manager-trust.json:46', 'error'),
      rule('federated-principal-invalid', 'infra/main.tf:40', 'error', 'fires-terraform'),
      rule('condition-key-invalid', 'infra/main.tf:34', 'error', 'fires-terraform'),
      rule('oidc-provider-url-invalid', 'infra/providers.tf:31', 'error'),
      rule('oidc-provider-url-invalid', 'infra/providers.tf:11', 'error'),
      rule('oidc-provider-url-invalid', 'infra/main.tf:3', 'error', 'fires-eks-21-0-0'),
    ],
    note: 'the dual-stack host as provider URL, Federated ARN or key, terraform-aws-eks cluster_dualstack_oidc_issuer_url used as any of them, and terraform-aws-eks pinned to exactly 21.0.0 (a range that may select it is not flagged)',
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
    status: 'caught',
    evidence: [
      rule('trust-policy-invalid', 'iam/orders-trust.json:2', 'error'),
      rule('policy-variable-without-version', 'iam/reports-trust.json:14', 'warning'),
      rule('policy-variable-without-version', 'iam/jobs-trust.json:13', 'warning'),
      rule('trust-policy-version-missing', 'iam/orders-trust.json:1', 'note'),
      rule('trust-policy-version-missing', 'iam/billing-trust.json:2', 'note'),
      rule('trust-policy-version-missing', 'infra/main.tf:3', 'note'),
    ],
    note: 'an unknown Version is an error; a missing or 2008-10-17 Version with IAM policy variables in the conditions is a warning (IAM compares the variable literally); without variables it is a note, on IRSA trusts read whole (measured: no IRSA trust on the 19 real-world trees and the two extra repositories lacks the Version, so the note stays rare)',
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
    status: 'caught',
    evidence: [
      rule('federated-principal-invalid', 'iam/external-dns-trust.json:7', 'error'),
      rule('federated-principal-invalid', 'iam/loki-trust.json:33', 'error'),
      rule('federated-principal-invalid', 'iam/loki-trust.json:46', 'error'),
      rule('federated-principal-invalid', 'infra/main.tf:25', 'error', 'fires-terraform'),
      rule('federated-principal-invalid', 'infra/main.tf:55', 'error', 'fires-terraform'),
      rule('federated-principal-invalid', 'infra/main.tf:72', 'error', 'fires-terraform'),
    ],
    note: "literal values, and in Terraform the issuer URL (module.eks.cluster_oidc_issuer_url, aws_eks_cluster.<name>.identity[0].oidc[0].issuer) or host/path (module.eks.oidc_provider, a provider's .url) as the principal; a null principal from enable_irsa = false is oidc-provider-missing's error (A1); a variable whose value is unknown stays unjudged",
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
    status: 'caught',
    evidence: [
      rule('condition-key-invalid', 'iam/karpenter-trust.json:12', 'error'),
      rule('condition-key-invalid', 'infra/main.tf:33', 'error', 'fires-terraform'),
      rule('condition-key-invalid', 'infra/main.tf:50', 'error', 'fires-terraform'),
    ],
    note: 'a literal ARN key, and a key that starts with a reference to a provider ARN the scan defines ("${module.eks.oidc_provider_arn}:sub", "${aws_iam_openid_connect_provider.<name>.arn}:sub"); an ARN passed in through a variable stays unjudged',
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
    status: 'caught',
    evidence: [
      rule('condition-fails-open', 'iam/migrations-trust.json:15', 'error'),
      rule('condition-set-operator-single-valued', 'iam/invoices-trust.json:11', 'warning'),
      rule('condition-set-operator-single-valued', 'iam/ledger-trust.json:14', 'warning'),
    ],
    note: 'ForAllValues (and negated or IfExists forms) fail open: an error; ForAnyValue with a positive operator on ":sub" or ":aud" works like the plain operator: a warning',
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
    status: 'caught',
    evidence: [
      rule('annotation-wrong-object', 'k8s/workloads.yaml:14', 'error'),
      rule('annotation-wrong-object', 'main.tf:20', 'error', 'terraform-fires'),
      rule('annotation-wrong-object', 'main.tf:126', 'error', 'terraform-fires'),
    ],
    note: 'manifests, Helm, Kustomize and Terraform (kubernetes_deployment/stateful_set/daemonset/job/cron_job/pod/namespace and their _v1, kubernetes_manifest pod templates) are caught',
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
    status: 'caught',
    evidence: [
      rule('pod-annotation-misplaced', 'k8s/workloads.yaml:15', 'warning'),
      rule('pod-annotation-misplaced', 'k8s/workloads.yaml:16', 'warning'),
      rule('pod-annotation-misplaced', 'k8s/workloads.yaml:48', 'warning'),
      rule('pod-annotation-misplaced', 'k8s/workloads.yaml:72', 'warning'),
    ],
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
    status: 'caught',
    evidence: [
      rule('workload-runs-as-default', 'k8s/orders/orders.yaml:12', 'error'),
      rule('workload-runs-as-default', 'k8s/orders/orders.yaml:38', 'error'),
      rule('workload-runs-as-default', 'deploy/orders-prod.yaml:4', 'error', 'helm-fires'),
      rule('workload-runs-as-default', 'main.tf:11', 'error', 'helm-fires'),
      rule('workload-runs-as-default', 'main.tf:13', 'error', 'remote-fires'),
      rule('workload-runs-as-default', 'argocd/external-dns.yaml:17', 'error', 'remote-fires'),
      rule('workload-runs-as-default', 'flux/lb.yaml:20', 'error', 'remote-fires'),
      rule('workload-runs-as-default', 'install.sh:8', 'error', 'remote-fires'),
    ],
    note: 'the error forms are caught: an unused annotated ServiceAccount named like the workload, applied with it; a release of a chart in the repository (configured, Argo CD, Flux, Terraform helm_release) with serviceAccount.create: false, no name and a role-arn annotation while its workloads render as default; the same values for a remote chart irsa-guard models whose helper gives default (Terraform helm_release and eks-blueprints-addon, Argo CD Application, Flux HelmRelease, helm install; silent for a chart version before the helper or a range reaching before it, and when values irsa-guard does not see may name the ServiceAccount). A remote chart irsa-guard does not model is unknowable offline (its helper is not in the repository). The INFO form is deliberately silent',
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
    status: 'caught',
    evidence: [
      {
        rule: 'trust-denies-service-account',
        fires: 'helm/release-name/fires',
        at: 'argocd/orders-staging.yaml:13',
        level: 'error',
        silent: 'helm/release-name/clean',
      },
      {
        rule: 'trust-denies-service-account',
        fires: 'helm/terraform-release/fires',
        at: 'main.tf:65',
        level: 'error',
        silent: 'helm/terraform-release/clean',
      },
    ],
    note: 'Argo CD, Flux, configured releases and Terraform helm_release of a chart in the repository (name, namespace or "default", values, set) are resolved; a release name or namespace known only at apply time stays symbolic and reports nothing (unknowable offline)',
  },
  {
    id: 'F11',
    title: 'HELM-VALUES-PATH/ESCAPING',
    severity: 'ERROR',
    status: 'too-low',
    evidence: [
      rule('helm-value-path-unused', 'main.tf:13', 'warning'),
      rule('annotation-key-typo', 'main.tf:8', 'error', 'terraform-set-fires'),
      rule('helm-value-path-unused', 'deploy/autoscaler.yaml:3', 'error', 'local-chart-fires'),
      rule('helm-value-path-unused', 'main.tf:7', 'error', 'local-chart-fires'),
    ],
    note: "errors: unescaped dots in an eks.amazonaws.com key of a Terraform set name (blocks, the v3 list, set_irsa_names) or of helm --set in scripts, and a role-arn under a values key no template of a chart in the repository reads (unless .Values is passed on whole or a library chart is missing). A values path a modelled remote chart does not read stays a warning: irsa-guard knows such a chart from its own table of the chart's values, not from the templates the release installs",
  },
  {
    id: 'F12',
    title: 'EKS-ADDON-SA-NAMES',
    severity: 'ERROR',
    status: 'caught',
    evidence: ['terraform/main.tf:11', 'iam/s3-csi-trust.json:12', 'cloudformation/efs-csi.yaml:16'].map((at) => ({
      rule: 'trust-denies-service-account',
      fires: 'rules/trust-denies-service-account/fires-addon',
      at,
      level: 'error' as const,
      silent: 'rules/trust-denies-service-account/silent-addon',
    })),
    note: "aws_eks_addon, the EKS module's addons/cluster_addons, eksctl addons[].serviceAccountRoleARN and CloudFormation AWS::EKS::Addon annotate the add-on's fixed ServiceAccounts (src/model/eks-addons.ts); eksctl roles made from attachPolicyARNs/wellKnownPolicies trust the add-on by construction; add-ons outside the table stay unknown",
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
    note: 'deliberately silent: every chart and kustomization applies its ServiceAccount together with its pods, so the form is on nearly every IRSA workload; the race shows only at first install and ordering (sync waves, hooks, dependsOn) is rarely written down, so a note would bury the rest',
  },
  {
    id: 'G3',
    title: 'WEBHOOK-ABSENT',
    severity: 'INFO',
    status: 'caught',
    evidence: [rule('self-hosted-webhook-missing', 'k8s/uploader.yaml:7', 'note')],
    note: 'a note when every issuer the role trusts is self-hosted and the repository deploys no amazon-eks-pod-identity-webhook',
  },
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
    status: 'caught',
    evidence: [
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:20', 'error'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:52', 'error'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:170', 'warning'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:177', 'error'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:187', 'error'),
    ],
    note: 'a mismatched or single variable is an error (a warning when envFrom may supply the other); both set by hand is a warning, an error when no volume is mounted at the token path or the projected token has no audience',
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
    status: 'caught',
    evidence: [
      rule('injected-sidecar-not-mutated', 'k8s/payments.yaml:25', 'note'),
      rule('injected-sidecar-not-mutated', 'k8s/payments.yaml:50', 'warning'),
    ],
    note: 'the Vault Agent injector with the AWS auth method is the injector whose containers call AWS; service mesh proxies make no AWS call and are deliberately silent',
  },
  {
    id: 'G8',
    title: 'SIDECAR-RESTARTPOLICY-STRIP',
    severity: 'INFO/WARNING',
    status: 'caught',
    evidence: [rule('webhook-drops-native-sidecars', 'k8s/ingest.yaml:27', 'warning')],
    note: "a warning for native sidecars of IRSA pods when the repository runs a self-hosted webhook image older than v0.5.3; on EKS the webhook is AWS's and fixed, so nothing is said",
  },
  {
    id: 'G9',
    title: 'WINDOWS-NODEAFFINITY',
    severity: 'WARNING',
    status: 'caught',
    evidence: [
      rule('windows-node-affinity-irsa', 'k8s/reports.yaml:29', 'warning'),
      rule('windows-node-affinity-irsa', 'k8s/reports.yaml:63', 'warning'),
    ],
    note: 'a required node affinity whose every term allows only Windows, without the OS nodeSelector',
  },
  {
    id: 'G10',
    title: 'NONROOT-TOKEN-PERMS',
    severity: 'WARNING/INFO',
    status: 'caught',
    evidence: [rule('workload-token-unreadable', 'k8s/workloads.yaml:27', 'warning')],
    note: 'a warning when every cluster of the repository pins a version before 1.19; deliberately silent otherwise (the INFO form), since 1.19 the token is readable by the pod user',
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
    status: 'partly',
    evidence: [rule('workload-host-network', 'k8s/daemonsets.yaml:30', 'note')],
    note: 'hostNetwork pods using IRSA are a note; node metadata options (hop limit, IMDSv1) are not read: a hop limit of 2 is the default of eksctl and terraform-aws-eks node groups, so a warning there would fire on nearly every cluster',
  },
  {
    id: 'H1',
    title: 'SDK-TOO-OLD',
    severity: 'WARNING',
    status: 'caught',
    evidence: [
      rule('sdk-version-too-old', 'services/orders/package-lock.json:15', 'warning'),
      rule('sdk-version-too-old', 'services/reports/requirements.txt:2', 'warning'),
      rule('sdk-version-too-old', 'services/catalog/go.mod:6', 'warning'),
      rule('sdk-version-too-old', 'services/billing/pom.xml:13', 'warning'),
      rule('sdk-version-too-old', 'services/ledger/packages.lock.json:13', 'warning'),
      rule('sdk-version-too-old', 'tools/poetry/poetry.lock:2', 'note', 'lock-files'),
      rule('sdk-version-too-old', 'tools/ruby/Gemfile.lock:5', 'note', 'lock-files'),
      rule('sdk-version-too-old', 'tools/php/composer.lock:5', 'note', 'lock-files'),
    ],
    note: "a warning against the IRSA or Pod Identity minimum when the file's directory holds a workload with that ServiceAccount, a note when it holds none (every npm, Python, Go, Ruby, PHP, Java and .NET file of the lock-files variant); not comparable offline: the .NET IRSA minimum (AWS gives the download's version, not AWSSDK.Core's), Go v2 (per-module versions), C++, Rust, Kotlin, PowerShell, and a version a parent build or a base image sets",
  },
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
    evidence: [
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:98', 'warning'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:235', 'warning'),
      rule('workload-env-blocks-injection', 'k8s/workloads.yaml:243', 'warning'),
      rule('workload-env-blocks-injection', 'k8s/partner-profile.yaml:11', 'warning'),
    ],
    note: 'static keys in the env, credentials files mounted from Secrets and ConfigMaps, and AWS_PROFILE naming a profile with static keys are caught; application code pinning a credential provider is not read',
  },
  {
    id: 'H4',
    title: 'REGION-MISSING',
    severity: 'WARNING',
    status: 'caught',
    evidence: [rule('region-env-missing', 'k8s/exporter.yaml:12', 'warning')],
    note: 'the webhook EKS runs injects AWS_REGION and AWS_DEFAULT_REGION into every mutated pod (Fargate and China included: webhook issues #149, #248), so only a self-hosted webhook without --aws-default-region certainly leaves pods without a region; a non-EKS cluster whose webhook is deployed outside the repository is unknowable offline',
  },
  {
    id: 'H5',
    title: 'STS-GLOBAL-UNREACHABLE',
    severity: 'WARNING',
    status: 'caught',
    evidence: [
      rule('sts-global-endpoint-unreachable', 'eksctl/private.yaml:15', 'warning'),
      rule('sts-global-endpoint-unreachable', 'eksctl/private-no-endpoints.yaml:17', 'warning'),
      rule('sts-global-endpoint-unreachable', 'eksctl/nat-disabled.yaml:20', 'warning'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:63', 'warning', 'fires-terraform-vpc-module'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:32', 'warning', 'fires-terraform-vpc-local-module'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:47', 'warning', 'fires-terraform-vpc-resources'),
      rule('sts-global-endpoint-unreachable', 'k8s/exporter.yaml:8', 'warning', 'fires-cloudformation-vpc'),
    ],
    note: 'pods whose ServiceAccount says sts-regional-endpoints "false" or whose container sets AWS_STS_REGIONAL_ENDPOINTS=legacy, on a cluster whose whole network the repository shows without a route to the internet: eksctl privateCluster or vpc.nat.gateway Disable with every node group private in the VPC eksctl creates, terraform-aws-modules/vpc 3.x-6.x without NAT gateway or public subnets (also inside local modules), aws_vpc/aws_subnet or a CloudFormation AWS::EC2::VPC without gateways or routes. An STS interface endpoint does not help: it serves the regional endpoint only (IAM User Guide), so the message names it or its absence. Catalogue erratum: endpoint_public_access = false only makes the Kubernetes API endpoint private (pods still reach sts.amazonaws.com through NAT), so it is not read. Unknowable offline: an existing VPC given to eksctl, a VPC or subnets from variables, data sources or remote state, routes added outside the scanned module tree',
  },
  {
    id: 'H6',
    title: 'STS-EXPLICIT-GLOBAL',
    severity: 'INFO/WARNING',
    status: 'caught',
    evidence: [
      rule('sts-endpoint-global', 'k8s/shop.yaml:29', 'warning'),
      rule('sts-endpoint-global', 'k8s/shop.yaml:59', 'note'),
      rule('sts-endpoint-global', 'k8s/shop.yaml:90', 'note'),
    ],
    note: 'AWS_ENDPOINT_URL_STS set to the global endpoint in the pod template: a warning when the ServiceAccount says sts-regional-endpoints "true", a note when the cluster default decides; AWS_STS_REGIONAL_ENDPOINTS=legacy against that annotation is a note. An endpoint written in application code or in application config files is not read (no common key form), nor are variables from ConfigMaps',
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
    status: 'caught',
    evidence: [rule('sdk-version-too-old', 'tools/pipenv/Pipfile.lock:6', 'note', 'lock-files')],
    note: "covered by H1 in the catalogue: an SDK below AWS's minimum is one that does not re-read the rotated token, and sdk-version-too-old says so; custom code that reads the token file once is not visible offline",
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
    status: 'caught',
    evidence: [
      rule('role-account-differs-from-cluster', 'k8s/orders.yaml:7', 'warning'),
      rule('role-account-differs-from-cluster', 'eksctl-cluster.yaml:12', 'warning'),
      rule('role-account-differs-from-cluster', 'eksctl/staging.yaml:13', 'warning', 'fires-sources'),
      rule('role-account-differs-from-cluster', 'infra/main.tf:14', 'warning', 'fires-sources'),
      rule('role-account-differs-from-cluster', 'platform/main.tf:19', 'warning', 'fires-sources'),
      rule('role-account-differs-from-cluster', 'edge/main.tf:25', 'warning', 'fires-sources'),
      rule('role-account-differs-from-cluster', 'k8s/spark.yaml:7', 'warning', 'fires-cloudformation'),
      rule('role-account-differs-from-cluster', 'k8s/payments.yaml:7', 'warning', 'fires-provider-account'),
    ],
    note: "the cluster's account comes from the config file's clusters, a plan's cluster ARN, the cluster role's ARN (aws_eks_cluster role_arn, eksctl iam.serviceRoleARN, CloudFormation RoleArn), the Terraform aws provider of the unit that creates the cluster (one allowed_account_ids entry, assume_role role_arn), or, when nothing states it, the one account that the literal OIDC provider ARNs for the cluster's issuer name; an account written only in a variable set outside the scan stays unknown; a role the scan defines in another account is role-account-mismatch (E7)",
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
    status: 'caught',
    evidence: [
      rule('oidc-provider-audience-missing', 'infra-cn/oidc.tf:5', 'error'),
      rule('aud-condition-invalid', 'iam/billing-cn-trust.json:13', 'error'),
      rule('oidc-provider-audience-missing', 'infra-cn/main.tf:7', 'warning', 'fires-china-module'),
    ],
    note: 'sts.amazonaws.com.cn audiences are errors; terraform-aws-eks pinned to v13–v19 with IRSA on, in a cn-* region that the default aws provider block states as a literal, is a warning at the version (a region from a variable or environment is unknowable offline)',
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
    status: 'caught',
    evidence: [
      rule('sts-global-endpoint-unreachable', 'k8s/reports.yaml:8', 'warning'),
      rule('sts-global-endpoint-unreachable', 'k8s/ledger.yaml:23', 'warning'),
      rule('sts-global-endpoint-unreachable', 'eksctl/china.yaml:13', 'warning'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:30', 'warning', 'fires-config-cluster'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:32', 'warning', 'fires-terraform-provider-region'),
      rule('sts-global-endpoint-unreachable', 'infra/main.tf:37', 'warning', 'fires-terraform-cluster-resource'),
    ],
    note: "the partition comes from the role ARN, or the region or issuer of every cluster the pods may run on: eksctl, the config file, a Terraform cluster's issuer, or the region of the default aws provider its aws_eks_cluster or terraform-aws-eks module uses (a provider given through a variable, or another provider by alias, stays unknown)",
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
    status: 'caught',
    evidence: [
      rule('outposts-irsa-unsupported', 'infra/resource/main.tf:15', 'error'),
      rule('outposts-irsa-unsupported', 'infra/module/main.tf:21', 'error'),
      rule('outposts-irsa-unsupported', 'eksctl/outposts.yaml:10', 'error'),
      rule('outposts-irsa-unsupported', 'eksctl/outposts-service-accounts.yaml:10', 'error'),
      rule('outposts-irsa-unsupported', 'cfn/cluster.yaml:15', 'error'),
    ],
    note: "aws_eks_cluster and terraform-aws-eks outpost_config, eksctl outpost, CloudFormation OutpostConfig; providers for the issuer and roles trusting the cluster's provider",
  },
  {
    id: 'K2',
    title: 'FARGATE',
    severity: 'ERROR/WARNING',
    status: 'caught',
    evidence: [
      rule('pod-identity-platform-unsupported', 'infra/fargate/main.tf:22', 'error'),
      rule('pod-identity-platform-unsupported', 'infra/module/main.tf:22', 'error'),
      rule('pod-identity-platform-unsupported', 'eksctl/cluster.yaml:13', 'error'),
      rule('pod-identity-platform-unsupported', 'cfn/fargate.yaml:10', 'error'),
      rule('fargate-execution-role-permissions', 'cfn/fargate.yaml:20', 'error'),
      rule('fargate-execution-role-permissions', 'cfn/fargate.yaml:48', 'error'),
      rule('fargate-execution-role-permissions', 'cfn/fargate.yaml:64', 'error'),
      rule('fargate-execution-role-permissions', 'infra/fargate.tf:16', 'error'),
      rule('fargate-execution-role-permissions', 'infra/attachments.tf:20', 'error'),
      rule('fargate-execution-role-permissions', 'infra/attachments.tf:27', 'error'),
      rule('fargate-execution-role-permissions', 'infra/attachments.tf:41', 'error'),
      rule('fargate-execution-role-permissions', 'infra/attachments.tf:56', 'error'),
      rule('fargate-execution-role-permissions', 'infra/attachments.tf:82', 'error'),
      rule('fargate-execution-role-permissions', 'infra/eks.tf:14', 'error'),
      rule('fargate-execution-role-permissions', 'infra/eks.tf:16', 'error'),
    ],
    note: 'Pod Identity for pods a Fargate profile selects is caught in every format; application permissions on the pod execution role are caught where the repository states them: CloudFormation (Policies, ManagedPolicyArns, policy resources), Terraform (inline_policy, managed_policy_arns, aws_iam_role_policy, role and policy attachments of aws_iam_policy documents or AWS managed policies, terraform-aws-eks fargate_profiles iam_role_additional_policies and iam_role_policy_statements) and eksctl; unknowable offline: customer managed policies the repository does not define, AWS managed policies outside the table in src/model/managed-policies.ts, and attachments made outside the repository; region env is H4',
  },
  {
    id: 'K3',
    title: 'WINDOWS',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('pod-identity-platform-unsupported', 'k8s/workloads.yaml:37', 'error'),
      rule('pod-identity-platform-unsupported', 'k8s/workloads.yaml:62', 'error'),
    ],
    note: 'workloads pinned to Windows by nodeSelector or by a required node affinity that allows only Windows',
  },
  {
    id: 'K4',
    title: 'NON-EKS',
    severity: 'INFO',
    status: 'caught',
    evidence: [
      rule('self-hosted-webhook-missing', 'k8s/uploader.yaml:7', 'note'),
      rule('trust-denies-service-account', 'infra/irsa.tf:16', 'error', 'fires-self-hosted-issuer'),
    ],
    note: "issuers come from the trust and the provider, never assumed to be oidc.eks; a self-hosted issuer's token audience is its webhook's --token-audience (kOps: amazonaws.com), so its \":aud\" conditions and client IDs are not judged against sts.amazonaws.com; the missing-webhook note is G3's",
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
    status: 'caught',
    evidence: [
      rule('pod-identity-platform-unsupported', 'infra/outposts/main.tf:15', 'error'),
      rule('pod-identity-platform-unsupported', 'eksctl/outposts.yaml:11', 'error'),
      rule('pod-identity-platform-unsupported', 'infra/legacy/main.tf:11', 'error'),
      rule('pod-identity-platform-unsupported', 'infra/legacy/main.tf:18', 'error'),
    ],
    note: 'Outposts, EKS Anywhere clusters the repository defines, Kubernetes below 1.24, Fargate (K2) and Windows (K3); platform versions (eks.N) are not written in repositories, and an association cannot name a self-managed cluster (it needs an EKS one)',
  },
  {
    id: 'L6',
    title: 'PI-AGENT-MISSING',
    severity: 'ERROR',
    status: 'caught',
    evidence: [
      rule('pod-identity-agent-missing', 'infra/cluster.tf:11', 'error'),
      rule('pod-identity-agent-missing', 'infra/eks-module.tf:6', 'error'),
      rule('pod-identity-agent-missing', 'eksctl/cluster.yaml:11', 'error'),
      rule('pod-identity-agent-missing', 'cloudformation/cluster.yaml:14', 'error'),
      rule('pod-identity-node-role-missing', 'eksctl/cluster.yaml:17', 'error'),
      rule('pod-identity-node-role-missing', 'cloudformation/cluster.yaml:25', 'error'),
      rule('pod-identity-node-role-missing', 'terraform/main.tf:19', 'error'),
      rule('pod-identity-node-role-missing', 'terraform-module/main.tf:34', 'error'),
    ],
    note: 'the agent add-on missing from a complete add-on list (aws_eks_addon, terraform-aws-eks addons, eksctl addons, CloudFormation AWS::EKS::Addon; not Auto Mode), and a node role that does not allow eks-auth:AssumeRoleForPodIdentity (eksctl attachPolicyARNs without AmazonEKSWorkerNodePolicy, CloudFormation AWS::EKS::Nodegroup NodeRole, Terraform aws_eks_node_group and terraform-aws-eks eks_managed_node_groups with create_iam_role = false) are caught. Unknowable offline: node roles the repository does not define, customer managed policies whose documents it does not contain, and attachments made by another configuration; the node role terraform-aws-eks creates always has AmazonEKSWorkerNodePolicy',
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

const README_PATH = path.join(repositoryRoot, 'README.md')
const README_BLOCK =
  /<!-- generated failure-mode summary by `npm run docs`; do not edit -->\n[\s\S]*?<!-- end of generated failure-mode summary -->/

/** The README's plain list of what irsa-guard does not catch from a repository, and why. */
export function renderReadmeSummary(): string {
  const visible = failureModes.filter((mode) => mode.status !== 'not-visible')
  const gaps = visible.filter((mode) => mode.status !== 'caught')
  const invisible = failureModes.filter((mode) => mode.status === 'not-visible')
  const line = (mode: FailureMode): string =>
    `- **${mode.id}** ${mode.title} (${STATUS_TEXT[mode.status]}): ${mode.note ?? ''}`
  return [
    '<!-- generated failure-mode summary by `npm run docs`; do not edit -->',
    `Of the ${visible.length} failure modes a repository can show, irsa-guard catches ${count('caught')} in every form at the`,
    "catalogue's level. The others, and why (a role or provider that exists only in AWS is left to",
    '[live confirmation](#live-confirmation-optional); what depends on the running cluster is left to the cluster):',
    '',
    ...gaps.map(line),
    '',
    `Not visible in a repository at all: ${invisible.map((mode) => `**${mode.id}** ${mode.title} (${mode.note ?? ''})`).join('; ')}.`,
    '<!-- end of generated failure-mode summary -->',
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

  it('is summarised in README.md (UPDATE_DOCS=1 regenerates it)', () => {
    const readme = readFileSync(README_PATH, 'utf8')
    expect(README_BLOCK.test(readme)).toBe(true)
    const expected = readme.replace(README_BLOCK, () => renderReadmeSummary())
    if (process.env.UPDATE_DOCS === '1') writeFileSync(README_PATH, expected)
    expect(readFileSync(README_PATH, 'utf8')).toBe(expected)
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
