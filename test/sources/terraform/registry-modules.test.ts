import { fixture, linesOf, scan } from '../../helpers.js'

const FORM = (form: string, variant: 'broken' | 'correct') => fixture('terraform', 'registry-modules', form, variant)

/** ServiceAccount → role links, `namespace/name -> role (via)`, sorted. */
async function links(root: string): Promise<string[]> {
  const { graph } = await scan(root)
  return graph.facts.serviceAccounts
    .map((sa) => {
      const name = sa.name.kind === 'known' ? sa.name.value : sa.name.expression
      const namespace = sa.namespace.kind === 'known' ? sa.namespace.value : sa.namespace.expression
      return `${namespace}/${name} -> ${graph
        .rolesOf(sa)
        .map((link) => `${link.role.label} (${link.via})`)
        .join(', ')}`
    })
    .sort()
}

describe('aws-ia eks-blueprints-addon 1.x', () => {
  it('reports a set_irsa_names key typo, a trust namespace and a ServiceAccount name on the line to change', async () => {
    expect(linesOf(await scan(FORM('blueprints-addon', 'broken')))).toEqual([
      'main.tf:31:21: error: annotation "kms.amazonaws.com/role-arn" on ServiceAccount ack-system/ack-kms-controller is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'main.tf:59:25: error: ServiceAccount external-dns/external-dns (main.tf:51) would be refused by role external-dns\'s trust (main.tf:59): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:external-dns", not "system:serviceaccount:external-dns:external-dns"; change the sub value to "system:serviceaccount:external-dns:external-dns" or move the ServiceAccount to namespace kube-system [trust-denies-service-account]',
      'main.tf:81:25: error: ServiceAccount kube-system/fsx-csi-controller-sa (main.tf:75) would be refused by module.fsx_csi\'s trust (main.tf:81): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:fsx-csi-controller", not "system:serviceaccount:kube-system:fsx-csi-controller-sa"; change the sub value to "system:serviceaccount:kube-system:fsx-csi-controller-sa" or rename the ServiceAccount to fsx-csi-controller [trust-denies-service-account]',
      "main.tf:38:25: note: module.kms's trust allows ServiceAccount ack-system/ack-kms-controller, but its manifest (main.tf:27) has no eks.amazonaws.com/role-arn annotation; annotate it with the ARN of module.kms or remove the subject from the trust [role-trusts-unknown-service-account]",
    ])
  })

  it('reports nothing when each release annotates the ServiceAccount its role trusts', async () => {
    expect(linesOf(await scan(FORM('blueprints-addon', 'correct')))).toEqual([])
  })

  it('joins each chart ServiceAccount to the module role through set_irsa_names, a module toggled off by a variable included, a literal create_role = false not', async () => {
    expect(await links(FORM('blueprints-addon', 'correct'))).toEqual([
      'ack-system/ack-kms-controller -> module.kms (reference)',
      'external-dns/external-dns -> module.external_dns (reference)',
      'kube-system/fsx-csi-controller-sa -> module.fsx_csi (reference)',
      'kube-system/metrics-server -> ',
    ])
    const { graph } = await scan(FORM('blueprints-addon', 'correct'))
    expect(
      graph.facts.serviceAccounts.find((sa) => sa.name.kind === 'known' && sa.name.value === 'metrics-server')
        ?.annotations,
    ).toEqual([])
  })

  it('names the role from role_name, else the name input (not the chart), with a generated suffix unless role_name_use_prefix is false', async () => {
    const { graph } = await scan(FORM('blueprints-addon', 'correct'))
    const names = graph.facts.roles.map(
      (role) =>
        `${role.label}: ${role.name?.kind === 'known' ? role.name.value : `${role.generatedName?.prefix.kind === 'known' ? role.generatedName.prefix.value : '?'}*`}`,
    )
    expect(names.sort()).toEqual(['module.external_dns: external-dns', 'module.fsx_csi: -*', 'module.kms: ack-kms-*'])
  })
})

describe('terraform-aws-iam iam-assumable-role-with-oidc 4.x and 5.x', () => {
  it('reports a subject and an audience the ServiceAccount tokens do not carry, on the module arguments', async () => {
    expect(linesOf(await scan(FORM('assumable-role-with-oidc', 'broken')))).toEqual([
      'main.tf:15:36: error: ServiceAccount shop/orders (main.tf:34) would be refused by role orders\'s trust (main.tf:15): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:shop:order", not "system:serviceaccount:shop:orders"; change the sub value to "system:serviceaccount:shop:orders" or rename the ServiceAccount to order [trust-denies-service-account]',
      'main.tf:26:37: error: "${module.eks.oidc_provider}:aud" in Statement[0] expects "sts.amazon.com", but IRSA tokens carry aud "sts.amazonaws.com" unless the ServiceAccount sets eks.amazonaws.com/audience, and no scanned ServiceAccount sets "sts.amazon.com"; write "sts.amazonaws.com" [aud-condition-invalid]',
      'main.tf:26:37: error: ServiceAccount shop/reports-api (main.tf:44) would be refused by module.reports_role\'s trust (main.tf:26): StringLike on "${module.eks.oidc_provider}:aud" allows "sts.amazon.com", not "sts.amazonaws.com" (the default audience; the ServiceAccount sets no eks.amazonaws.com/audience); change the aud value to "sts.amazonaws.com" [trust-denies-service-account]',
      'main.tf:14:35: note: Statement[0] has no "${module.eks.oidc_provider}:aud" condition; STS still checks the OIDC provider\'s client IDs, but AWS recommends adding "StringEquals": {"${module.eks.oidc_provider}:aud": "sts.amazonaws.com"} [aud-condition-invalid]',
    ])
  })

  it('verifies both chains when the subjects match (the module writes no aud condition unless given)', async () => {
    expect(linesOf(await scan(FORM('assumable-role-with-oidc', 'correct')))).toEqual([
      'main.tf:14:35: note: Statement[0] has no "${module.eks.oidc_provider}:aud" condition; STS still checks the OIDC provider\'s client IDs, but AWS recommends adding "StringEquals": {"${module.eks.oidc_provider}:aud": "sts.amazonaws.com"} [aud-condition-invalid]',
    ])
    expect(await links(FORM('assumable-role-with-oidc', 'correct'))).toEqual([
      'shop/orders -> module.orders_role (reference)',
      'shop/reports-api -> module.reports_role (reference)',
    ])
  })
})

describe('terraform-aws-eks modules/karpenter v19 and v20', () => {
  it('reports a release outside the default karpenter:karpenter subject (v19) and an annotation on a v20 role without enable_irsa', async () => {
    expect(linesOf(await scan(FORM('karpenter', 'broken')))).toEqual([
      'main.tf:9:1: error: ServiceAccount kube-system/karpenter (main.tf:27) would be refused by module.karpenter\'s trust (main.tf:9): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:karpenter:karpenter", not "system:serviceaccount:kube-system:karpenter"; change the sub value to "system:serviceaccount:kube-system:karpenter" or move the ServiceAccount to namespace karpenter [trust-denies-service-account]',
      'main.tf:50:13: error: ServiceAccount kube-system/karpenter (main.tf:50) names module.karpenter_blue, whose trust (main.tf:32) has no Allow statement for an OIDC provider, so it accepts no ServiceAccount token; point the annotation at the role meant for this ServiceAccount, or add a web-identity statement for it to the trust [trust-denies-service-account]',
    ])
  })

  it('verifies both controllers when the subjects match', async () => {
    expect(linesOf(await scan(FORM('karpenter', 'correct')))).toEqual([])
    expect(await links(FORM('karpenter', 'correct'))).toEqual([
      'karpenter/karpenter -> module.karpenter (reference)',
      'kube-system/karpenter -> module.karpenter_blue (reference)',
    ])
  })

  it('names the v19 role KarpenterIRSA-<cluster>-… and the v20 role KarpenterController-…', async () => {
    const { graph } = await scan(FORM('karpenter', 'correct'))
    expect(
      graph.facts.roles
        .map(
          (role) =>
            `${role.label}: ${role.generatedName?.prefix.kind === 'known' ? role.generatedName.prefix.value : role.generatedName?.prefix.expression}`,
        )
        .sort(),
    ).toEqual(['module.karpenter: KarpenterIRSA-shop-', 'module.karpenter_blue: KarpenterController-'])
  })
})

describe('a module source or version irsa-guard has not read', () => {
  it('gives no finding: its role is not modelled and its outputs stay symbolic', async () => {
    const result = await scan(fixture('terraform', 'registry-modules', 'unmodelled'))
    expect(linesOf(result)).toEqual([])
    expect(result.graph.facts.roles).toEqual([])
    expect(
      result.graph.facts.serviceAccounts
        .map(
          (sa) =>
            `${sa.name.kind === 'known' ? sa.name.value : sa.name.expression}: ${sa.roleArn?.kind === 'symbolic' ? sa.roleArn.expression : sa.roleArn?.kind}`,
        )
        .sort(),
    ).toEqual([
      'karpenter: module.karpenter.iam_role_arn',
      'orders: module.orders_role.this_iam_role_arn',
      'reports: module.other_role.arn',
    ])
  })
})

describe('a reference to a module output', () => {
  it('names the module of its own root module, not a namesake in another root', async () => {
    const root = fixture('terraform', 'registry-modules', 'two-roots')
    expect(linesOf(await scan(root))).toEqual([])
    expect(await links(root)).toEqual(['karpenter/karpenter -> module.karpenter (reference)'])
    const { graph } = await scan(root)
    expect(graph.rolesOf(graph.facts.serviceAccounts[0]!).map((link) => link.role.terraform?.root)).toEqual(['irsa'])
  })
})

describe('aws-ia eks-blueprints-addons 1.x', () => {
  it('reports a caller set that renames an add-on ServiceAccount its role does not trust', async () => {
    expect(linesOf(await scan(FORM('blueprints-addons', 'broken')))).toEqual([
      'main.tf:15:3: error: ServiceAccount kube-system/alb (main.tf:15) would be refused by module.eks_blueprints_addons.module.aws_load_balancer_controller\'s trust (main.tf:15): StringEquals on "${module.eks.oidc_provider}:sub" allows "system:serviceaccount:kube-system:aws-load-balancer-controller-sa", not "system:serviceaccount:kube-system:alb"; change the sub value to "system:serviceaccount:kube-system:alb" or rename the ServiceAccount to aws-load-balancer-controller-sa [trust-denies-service-account]',
    ])
  })

  it('creates each enabled add-on ServiceAccount with its default or overridden name and namespace, and the eks_addons ServiceAccounts, joined to their roles', async () => {
    const root = FORM('blueprints-addons', 'correct')
    expect(linesOf(await scan(root))).toEqual([])
    expect(await links(root)).toEqual([
      'cert-manager/cert-manager -> ',
      'kube-system/aws-load-balancer-controller-sa -> module.eks_blueprints_addons.module.aws_load_balancer_controller (reference)',
      'kube-system/aws-node -> module.vpc_cni_irsa (reference)',
      'kube-system/efs-csi-controller-sa -> module.eks_blueprints_addons.module.aws_efs_csi_driver (reference)',
      'kube-system/efs-csi-node-sa -> module.eks_blueprints_addons.module.aws_efs_csi_driver (reference)',
      'secrets/eso -> module.eks_blueprints_addons.module.external_secrets (reference)',
    ])
    const { graph } = await scan(root)
    expect(
      graph.facts.roles
        .map(
          (role) =>
            `${role.label}: ${role.generatedName?.prefix.kind === 'known' ? role.generatedName.prefix.value : '?'} ${role.arnReferences.join(' ')}`,
        )
        .sort(),
    ).toEqual([
      'module.eks_blueprints_addons.module.aws_efs_csi_driver: aws-efs-csi-driver- module.eks_blueprints_addons.module.aws_efs_csi_driver.iam_role_arn module.eks_blueprints_addons.aws_efs_csi_driver.iam_role_arn',
      'module.eks_blueprints_addons.module.aws_load_balancer_controller: alb-controller- module.eks_blueprints_addons.module.aws_load_balancer_controller.iam_role_arn module.eks_blueprints_addons.aws_load_balancer_controller.iam_role_arn',
      'module.eks_blueprints_addons.module.external_secrets: external-secrets- module.eks_blueprints_addons.module.external_secrets.iam_role_arn module.eks_blueprints_addons.external_secrets.iam_role_arn',
      'module.vpc_cni_irsa: ? module.vpc_cni_irsa.iam_role_arn',
    ])
  })
})
