import { fixture, linesOf, scan } from '../helpers.js'

describe('controller-role-not-assumable', () => {
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
