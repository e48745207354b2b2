import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('controller-role-not-assumable', () => {
  it('reports cert-manager Route53 roles whose trust no AWS principal may assume, naming the IRSA ServiceAccount that already has the role', async () => {
    expect(await ruleLines('controller-role-not-assumable', 'fires')).toEqual([
      'k8s/issuers.yaml:14:19: error: ClusterIssuer letsencrypt asks cert-manager to assume role "arn:aws:iam::406214073512:role/cert-manager" (spec.acme.solvers[0].dns01.route53.role) with sts:AssumeRole, but role cert-manager\'s trust (iam/cert-manager-trust.json:1) lets no AWS principal assume it, only web identity or service principals, so STS answers "is not authorized to perform: sts:AssumeRole". ServiceAccount cert-manager/cert-manager (k8s/cert-manager.yaml:4) already gets this role through IRSA: remove role from the solver, or add a trust statement that lets "arn:aws:iam::406214073512:role/cert-manager" itself perform sts:AssumeRole [controller-role-not-assumable]',
      'k8s/issuers.yaml:33:19: error: Issuer payments/shared-zone asks cert-manager to assume role "arn:aws:iam::406214073512:role/dns-shared" (spec.acme.solvers[1].dns01.route53.role) with sts:AssumeRole, but role dns-shared\'s trust (iam/dns-shared-trust.json:1) lets no AWS principal assume it, only web identity or service principals, so STS answers "is not authorized to perform: sts:AssumeRole": add a trust statement that lets the role cert-manager runs as perform sts:AssumeRole on it [controller-role-not-assumable]',
    ])
  })

  it("stays silent on a self-trust, a trust of cert-manager's role, web identity solvers and roles the scan does not define", async () => {
    const result = await scan(fixture('rules', 'controller-role-not-assumable', 'silent'))
    expect(linesOf(result, 'controller-role-not-assumable')).toEqual([])
    expect(
      result.graph.facts.objects.flatMap((object) => object.assumedRoles ?? []).map((assumed) => assumed.field),
    ).toEqual([
      'spec.acme.solvers[0].dns01.route53.role',
      'spec.acme.solvers[0].dns01.route53.role',
      'spec.acme.solvers[0].dns01.route53.role',
    ])
  })
})
