import type { CheckResult } from '../../../src/check.js'
import type { ServiceAccount } from '../../../src/model/facts.js'
import { formatLocation } from '../../../src/model/location.js'
import type { Value } from '../../../src/model/value.js'
import { fixture, linesOf, scan } from '../../helpers.js'

const construct = (name: string) => scan(fixture('terraform', 'constructs', name))

function text(value: Value | undefined): string {
  if (value === undefined) return '-'
  return value.kind === 'known' ? value.value : `\${${value.expression}}`
}

function serviceAccount(sa: ServiceAccount): string {
  return `${text(sa.namespace)}/${text(sa.name)} ${text(sa.roleArn)} @${formatLocation(sa.roleArn?.location ?? sa.location)}`
}

function serviceAccounts(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map(serviceAccount).sort()
}

describe('count and for_each', () => {
  it('make one role and one ServiceAccount per instance, joined by their indexed references', async () => {
    const result = await construct('count-for-each')
    expect(result.graph.facts.roles.map((role) => `${role.label} ${role.arnReferences.join(',')}`)).toEqual([
      'aws_iam_role.app["orders"] aws_iam_role.app["orders"].arn',
      'aws_iam_role.app["billing"] aws_iam_role.app["billing"].arn',
      'aws_iam_role.worker[0] aws_iam_role.worker[0].arn',
      'aws_iam_role.worker[1] aws_iam_role.worker[1].arn',
    ])
    expect(linesOf(result)).toEqual([
      'main.tf:58:35: error: ServiceAccount jobs/worker-2 (main.tf:74) would be refused by role worker-1\'s trust (main.tf:58): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:jobs:worker-1", not "system:serviceaccount:jobs:worker-2"; change the sub value to "system:serviceaccount:jobs:worker-2" or rename the ServiceAccount to worker-1 [trust-denies-service-account]',
      'main.tf:74:38: error: ServiceAccount jobs/worker-1 (main.tf:74) would be refused by role worker-0\'s trust (main.tf:58): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:jobs:worker-0", not "system:serviceaccount:jobs:worker-1"; role worker-1\'s trust (main.tf:50) accepts it: point the annotation at role worker-1, or change the sub value to "system:serviceaccount:jobs:worker-1" or rename the ServiceAccount to worker-0 [trust-denies-service-account]',
    ])
  })
})

describe('local child modules', () => {
  it('are instantiated per call instance with its arguments; outputs flow out; cycles stay unknown', async () => {
    const result = await construct('local-modules')
    expect(
      result.graph.facts.roles.map(
        (role) => `${role.label} ${role.arnReferences.join(',')} prefix=${text(role.generatedName?.prefix)}`,
      ),
    ).toEqual([
      'module.roles["checkout"].module.irsa module.roles["checkout"].module.irsa.iam_role_arn prefix=checkout-',
      'module.roles["search"].module.irsa module.roles["search"].module.irsa.iam_role_arn prefix=search-',
    ])
    expect(serviceAccounts(result)).toEqual([
      'apps/${local.ping} - @main.tf:36',
      'apps/checkout ${module.roles["checkout"].module.irsa.iam_role_arn} @main.tf:24',
      'apps/search ${module.roles["search"].module.irsa.iam_role_arn} @main.tf:24',
    ])
    expect(linesOf(result)).toEqual([
      'modules/app-irsa/main.tf:21:37: error: ServiceAccount apps/checkout (main.tf:24) would be refused by module.roles["checkout"].module.irsa\'s trust (modules/app-irsa/main.tf:21): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:apps:checkout-sa", not "system:serviceaccount:apps:checkout"; change the sub value to "system:serviceaccount:apps:checkout" or rename the ServiceAccount to checkout-sa [trust-denies-service-account]',
    ])
  })
})

describe('role names', () => {
  it('know that v6 use_name_prefix (the default) and name_prefix generate the real name; file() trusts point into the file', async () => {
    const result = await construct('generated-names')
    expect(
      result.graph.facts.roles.map(
        (role) =>
          `${role.label} name=${text(role.name)} prefix=${text(role.generatedName?.prefix)} trust=${formatLocation(role.trustPolicy!.statements[0]!.location)}`,
      ),
    ).toEqual([
      'aws_iam_role.reports name=- prefix=reports- trust=reports-trust.tpl:4',
      'module.external_dns_irsa name=- prefix=external-dns- trust=main.tf:8',
    ])
    expect(linesOf(result, 'role-not-found')).toEqual([
      'main.tf:5:3: warning: ServiceAccount external-dns/external-dns (main.tf:25) names role "external-dns", but module.external_dns_irsa gets a generated name ("external-dns-" and a random suffix) that an annotation cannot know; give the role a fixed name (name instead of name_prefix, use_name_prefix = false) or set the annotation from the role\'s ARN output [role-not-found]',
    ])
  })
})

describe('helm_release', () => {
  it("produces the chart's ServiceAccounts from set blocks, set lists, values files and documents", async () => {
    const result = await construct('helm')
    expect(serviceAccounts(result)).toEqual([
      'cert-manager/cert-man-cert-manager arn:aws:iam::210987654321:role/cert-manager @main.tf:49',
      'external-dns/external-dns - @main.tf:98',
      'external-secrets/external-secrets arn:aws:iam::210987654321:role/external-secrets @main.tf:62',
      'karpenter/karpenter arn:aws:iam::210987654321:role/karpenter @values/karpenter.yaml:5',
      // The value comes from a local: the line to change is where it is written.
      'kube-system/cluster-autoscaler-aws-cluster-autoscaler arn:aws:iam::210987654321:role/cluster-autoscaler @main.tf:2',
      'kube-system/ebs-csi-node-sa - @main.tf:68',
      'monitoring/grafana-agent arn:aws:iam::210987654321:role/grafana-agent @main.tf:91',
      // Annotation written under serviceAccount, but this chart reads rbac.serviceAccount.
      'staging/autoscaler-aws-cluster-autoscaler - @main.tf:21',
    ])
  })

  it('names the ServiceAccounts of velero, aws-for-fluent-bit, amazon-cloudwatch-observability, argo-cd, cost-analyzer and spark-operator as their templates do', async () => {
    const result = await construct('helm-charts')
    expect(serviceAccounts(result)).toEqual(
      [
        'amazon-cloudwatch/aws-for-fluent-bit - @main.tf:13',
        'amazon-cloudwatch/amazon-cloudwatch-observability-controller-manager - @main.tf:25',
        'amazon-cloudwatch/cloudwatch-agent - @main.tf:25',
        'argocd/argocd-application-controller - @main.tf:38',
        'argocd/argocd-applicationset-controller - @main.tf:38',
        'argocd/argocd-notifications-controller - @main.tf:38',
        'argocd/argocd-repo-server - @main.tf:38',
        'argocd/argocd-server arn:aws:iam::210987654321:role/argocd-server @main.tf:46',
        'kubecost/kubecost-cost-analyzer - @main.tf:54',
        'spark-operator/spark-spark-operator-controller - @main.tf:61',
        'spark-operator/spark-spark-operator-webhook - @main.tf:61',
        'velero/backup-velero-server arn:aws:iam::210987654321:role/velero @main.tf:9',
      ].sort(),
    )
  })

  it('keeps an annotation set with unescaped dots as the nested map Helm builds', async () => {
    const result = await construct('helm')
    const sa = result.graph.facts.serviceAccounts.find((candidate) => text(candidate.namespace) === 'external-dns')!
    expect(
      sa.annotations.map(
        (annotation) => `${annotation.key} ${annotation.valueKind} @${formatLocation(annotation.keyLocation)}`,
      ),
    ).toEqual(['eks collection @main.tf:104'])
  })
})

describe('EKS add-ons, the EKS module and Pod Identity', () => {
  it("annotate the add-ons' fixed ServiceAccounts and record providers and associations", async () => {
    const result = await construct('eks-addons')
    const facts = result.graph.facts
    expect(serviceAccounts(result)).toEqual([
      'kube-system/aws-node arn:aws:iam::210987654321:role/vpc-cni @main.tf:27',
      'kube-system/efs-csi-controller-sa arn:aws:iam::210987654321:role/efs-csi @main.tf:10',
    ])
    expect(
      facts.oidcProviders.map(
        (provider) =>
          `${provider.arnReferences.join(',')} ${text(provider.url)} ${provider.clientIds.map(text).join(',')}`,
      ),
    ).toEqual(['module.eks.oidc_provider_arn ${https://${module.eks.oidc_provider}} sts.amazonaws.com,vault'])
    expect(facts.clusters.map((cluster) => `${text(cluster.name)} ${text(cluster.issuer)}`)).toEqual([
      'platform ${https://${module.eks.oidc_provider}}',
      'batch ${https://${module.eks_no_irsa.oidc_provider}}',
    ])
    expect(
      facts.podIdentityAssociations.map(
        (association) =>
          `${text(association.namespace)}/${text(association.serviceAccount)} ${text(association.roleArn)} @${formatLocation(association.location)}`,
      ),
    ).toEqual([
      'kube-system/s3-csi-driver-sa arn:aws:iam::210987654321:role/s3-csi @main.tf:34',
      'shop/orders arn:aws:iam::210987654321:role/orders @main.tf:40',
    ])
  })
})

describe('kubectl_manifest and kubernetes_manifest', () => {
  it('read ServiceAccounts from a YAML heredoc and from yamldecode(templatefile(...))', async () => {
    const result = await construct('manifests')
    expect(serviceAccounts(result)).toEqual([
      'web/app ${aws_iam_role.app.arn} @main.tf:26',
      'web/worker ${aws_iam_role.app.arn} @templates/service-account.yaml.tpl:7',
    ])
    expect(linesOf(result, 'trust-denies-service-account')).toEqual([
      'main.tf:11:88: error: ServiceAccount web/worker (templates/service-account.yaml.tpl:7) would be refused by role app\'s trust (main.tf:11): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:web:app", not "system:serviceaccount:web:worker"; change the sub value to "system:serviceaccount:web:worker" or rename the ServiceAccount to app [trust-denies-service-account]',
    ])
  })
})

describe('joins across formats', () => {
  it('join a YAML ServiceAccount to a Terraform role by path and name, and a Terraform ServiceAccount to a JSON trust file', async () => {
    const result = await construct('cross-format')
    expect(
      result.graph.facts.serviceAccounts
        .map(
          (sa) =>
            `${text(sa.name)} -> ${result.graph
              .rolesOf(sa)
              .map((link) => `${link.role.label} (${link.via})`)
              .join(', ')}`,
        )
        .sort(),
    ).toEqual(['frontend -> aws_iam_role.app (name)', 'payments -> role payments (iam/payments-trust.json) (name)'])
    expect(linesOf(result)).toEqual([
      'iam/payments-trust.json:10:87: error: ServiceAccount pay/payments (tf/main.tf:25) would be refused by role payments\'s trust (iam/payments-trust.json:10): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:payments:payments", not "system:serviceaccount:pay:payments"; change the sub value to "system:serviceaccount:pay:payments" or move the ServiceAccount to namespace payments [trust-denies-service-account]',
      'tf/main.tf:12:88: error: ServiceAccount web/frontend (k8s/service-accounts.yaml:7) would be refused by role app\'s trust (tf/main.tf:12): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:web:app", not "system:serviceaccount:web:frontend"; change the sub value to "system:serviceaccount:web:frontend" or rename the ServiceAccount to app [trust-denies-service-account]',
    ])
  })
})

describe('documents read with file()', () => {
  it('belong to the resource that reads them: one role, one ServiceAccount, findings in the file', async () => {
    const result = await construct('file-documents')
    expect(result.graph.facts.roles.map((role) => role.label)).toEqual(['aws_iam_role.orders'])
    expect(serviceAccounts(result)).toEqual(['shop/orders arn:aws:iam::210987654321:role/orders @k8s/orders.yaml:7'])
    expect(linesOf(result)).toEqual([
      'iam/orders-trust.json:10:87: error: ServiceAccount shop/orders (k8s/orders.yaml:7) would be refused by role orders\'s trust (iam/orders-trust.json:10): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:shop:orders-api", not "system:serviceaccount:shop:orders"; change the sub value to "system:serviceaccount:shop:orders" or rename the ServiceAccount to orders-api [trust-denies-service-account]',
    ])
  })
})
