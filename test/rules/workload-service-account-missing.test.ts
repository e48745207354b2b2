import { fixture, linesOf, scan } from '../helpers.js'

describe('workload-service-account-missing', () => {
  it("stays silent on defined, default and externally managed ServiceAccounts, on those EKS and its add-ons create, and on kube-system's without a near miss", async () => {
    const result = await scan(fixture('rules', 'workload-service-account-missing', 'silent'))
    expect(linesOf(result, 'workload-service-account-missing')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([4, 11])
  })
})
