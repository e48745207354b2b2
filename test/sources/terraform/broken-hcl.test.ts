import { fixture, linesOf, scan } from '../../helpers.js'

describe('broken HCL', () => {
  it('is a located parse-error, and the rest of the module is still evaluated', async () => {
    const result = await scan(fixture('terraform', 'broken-hcl'))
    expect(linesOf(result)).toEqual([
      // The ServiceAccount after the broken block still joins its role.
      'main.tf:11:88: error: ServiceAccount shop/web (main.tf:29) would be refused by role app\'s trust (main.tf:11): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:shop:app", not "system:serviceaccount:shop:web"; change the sub value to "system:serviceaccount:shop:web" or rename the ServiceAccount to app [trust-denies-service-account]',
      'main.tf:21:10: warning: Cannot parse main.tf: "acl    =" is incomplete; what parsed around it was still read [parse-error]',
    ])
  })
})
