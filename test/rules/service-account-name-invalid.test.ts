import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const id = 'service-account-name-invalid'

describe(id, () => {
  it('reports ServiceAccount names and namespaces the API server refuses, suggesting only names it accepts', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:4:9: error: ServiceAccount name "alb_controller_svacc" is not a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters: the API server refuses the ServiceAccount, so no pod runs as it; rename it "alb-controller-svacc", the same in the trust policy and every spec.serviceAccountName [${id}]`,
      `k8s/service-accounts.yaml:13:14: error: ServiceAccount namespace "Payments" is not a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters: the API server refuses the ServiceAccount, so no pod runs as it; rename it "payments", the same in the trust policy [${id}]`,
    ])
  })

  it('leaves the trust alone: no other rule tells it to allow the refused name', async () => {
    const result = await scan(fixture('rules', id, 'fires'))
    expect(linesOf(result, 'trust-denies-service-account')).toEqual([])
  })

  it('stays silent on valid names and on placeholders', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
