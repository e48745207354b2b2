import { fixture, linesOf, scan } from '../helpers.js'

describe('pod-identity-service-account-mismatch', () => {
  it('stays silent on matching associations, ServiceAccounts the scan does not define and ServiceAccounts with IRSA', async () => {
    const result = await scan(fixture('rules', 'pod-identity-service-account-mismatch', 'silent'))
    expect(linesOf(result, 'pod-identity-service-account-mismatch')).toEqual([])
    expect(result.graph.facts.podIdentityAssociations.length).toBe(4)
  })
})
