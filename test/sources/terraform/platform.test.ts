import { fixture, linesOf, scan } from '../../helpers.js'

const PLATFORM = (variant: 'broken' | 'correct') => fixture('terraform', 'platform', variant)

/**
 * A realistic Terraform repository (EKS and IAM registry modules, helm_release add-ons, the
 * kubernetes provider, a local child module, a hand-made OIDC provider), once with each breakage of
 * issue #3 and once corrected.
 */
describe('Terraform platform repository', () => {
  it('catches each breakage on the line to change', async () => {
    const result = await scan(PLATFORM('broken'))
    expect(linesOf(result).filter((line) => !line.includes(': note: '))).toEqual([
      // The raw cluster issuer (with https://) used as the condition key.
      'infra/addons.tf:50:7: error: Condition key "https://${module.eks.oidc_provider}:sub" in statement "ClusterAutoscaler" starts with "https://" (the issuer URL, not its host and path), so it never exists in the request and the condition is never true (STS refuses every token); write the key as "${module.eks.oidc_provider}:sub" [condition-key-invalid]',
      'infra/addons.tf:56:7: error: Condition key "https://${module.eks.oidc_provider}:aud" in statement "ClusterAutoscaler" starts with "https://" (the issuer URL, not its host and path), so it never exists in the request and the condition is never true (STS refuses every token); write the key as "${module.eks.oidc_provider}:aud" [condition-key-invalid]',
      // "{var.app_namespace}-irsa" missing its "$".
      'infra/app.tf:18:47: error: "${module.eks.oidc_provider}:sub" value "system:serviceaccount:shop:{var.app_namespace}-irsa" in Statement[0] holds the unrendered placeholder "{var.app_namespace}", which STS compares literally, so no ServiceAccount token matches; render it before the policy is applied, or write the namespace and name [sub-value-invalid]',
      'infra/app.tf:18:47: error: ServiceAccount shop/shop-irsa (infra/app.tf:31) would be refused by role orders\'s trust (infra/app.tf:18): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:shop:{var.app_namespace}-irsa", not "system:serviceaccount:shop:shop-irsa"; change the sub value to "system:serviceaccount:shop:shop-irsa" [trust-denies-service-account]',
      // Trust for kube-system:aws-node while the ServiceAccount is default/iam-test.
      'infra/app.tf:82:19: error: ServiceAccount default/iam-test (infra/app.tf:102) would be refused by role iam-test\'s trust (infra/app.tf:82): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:aws-node", not "system:serviceaccount:default:iam-test"; change the sub value to "system:serviceaccount:default:iam-test" [trust-denies-service-account]',
      // The EBS CSI add-on runs as ebs-csi-controller-sa, not as the add-on's name.
      'infra/irsa.tf:27:37: error: ServiceAccount kube-system/ebs-csi-controller-sa of EKS add-on aws-ebs-csi-driver (infra/eks.tf:16) would be refused by role shop-prod-ebs-csi\'s trust (infra/irsa.tf:27): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:aws-ebs-csi-driver", not "system:serviceaccount:kube-system:ebs-csi-controller-sa"; change the sub value to "system:serviceaccount:kube-system:ebs-csi-controller-sa" [trust-denies-service-account]',
      // The IRSA module trusts "…-sa" while the Helm chart names its ServiceAccount without it.
      'infra/irsa.tf:43:37: error: ServiceAccount kube-system/aws-load-balancer-controller (infra/addons.tf:15) would be refused by role aws-load-balancer-controller\'s trust (infra/irsa.tf:43): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:aws-load-balancer-controller-sa", not "system:serviceaccount:kube-system:aws-load-balancer-controller"; change the sub value to "system:serviceaccount:kube-system:aws-load-balancer-controller" or rename the ServiceAccount to aws-load-balancer-controller-sa [trust-denies-service-account]',
      // A provider client_id_list of sts.amazon.com (and the same typo in the aud condition).
      'legacy/main.tf:12:3: error: OIDC provider aws_iam_openid_connect_provider.legacy lists only the client ID "sts.amazon.com", but ServiceAccount logging/fluent-bit (legacy/main.tf:52) of role legacy-fluent-bit presents tokens with the default audience "sts.amazonaws.com" (no eks.amazonaws.com/audience annotation), so STS answers "InvalidIdentityToken: Incorrect token audience"; replace "sts.amazon.com" with "sts.amazonaws.com" in the provider\'s client_id_list [oidc-provider-audience-missing]',
      'legacy/main.tf:34:19: error: "${aws_iam_openid_connect_provider.legacy.url}:aud" in Statement[0] expects "sts.amazon.com", but IRSA tokens carry aud "sts.amazonaws.com" unless the ServiceAccount sets eks.amazonaws.com/audience, and no scanned ServiceAccount sets "sts.amazon.com"; write "sts.amazonaws.com" [aud-condition-invalid]',
      'legacy/main.tf:34:19: error: ServiceAccount logging/fluent-bit (legacy/main.tf:52) would be refused by role legacy-fluent-bit\'s trust (legacy/main.tf:34): StringEquals on "${aws_iam_openid_connect_provider.legacy.url}:aud" allows "sts.amazon.com", not "sts.amazonaws.com" (the default audience; the ServiceAccount sets no eks.amazonaws.com/audience); change the aud value to "sts.amazonaws.com" [trust-denies-service-account]',
    ])
  })

  it('reports nothing on the corrected repository', async () => {
    const result = await scan(PLATFORM('correct'))
    expect(linesOf(result)).toEqual([])
  })

  it('joins every ServiceAccount to its role across modules, Helm values and add-ons', async () => {
    const { graph } = await scan(PLATFORM('correct'))
    const links = graph.facts.serviceAccounts.map((sa) => {
      const name = sa.name.kind === 'known' ? sa.name.value : sa.name.expression
      const namespace = sa.namespace.kind === 'known' ? sa.namespace.value : sa.namespace.expression
      return `${namespace}/${name} -> ${graph
        .rolesOf(sa)
        .map((link) => `${link.role.label} (${link.via})`)
        .join(', ')}`
    })
    expect(links.sort()).toEqual([
      'default/iam-test -> aws_iam_role.iam_test (reference)',
      'external-dns/external-dns -> module.external_dns_irsa (reference)',
      'kube-system/aws-load-balancer-controller -> module.lb_controller_irsa (reference)',
      'kube-system/aws-node -> module.vpc_cni_irsa (reference)',
      'kube-system/cluster-autoscaler -> aws_iam_role.cluster_autoscaler (reference)',
      'kube-system/ebs-csi-controller-sa -> module.ebs_csi_irsa (reference)',
      'logging/fluent-bit -> aws_iam_role.fluent_bit (reference)',
      'shop/billing -> module.billing_role.aws_iam_role.this (reference)',
      'shop/payments -> aws_iam_role.payments (reference)',
      'shop/reports -> aws_iam_role.reports (name)',
      'shop/shop-irsa -> aws_iam_role.orders (reference)',
    ])
  })
})
