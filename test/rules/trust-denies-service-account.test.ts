import { ruleLines } from '../helpers.js'

const id = 'trust-denies-service-account'

describe(id, () => {
  // fires-cluster/expected.txt holds the refusal with the cluster of its .irsa-guard.yml.
  it('without a known cluster, assumes the token comes from the provider the trust names', async () => {
    expect(await ruleLines(id, 'fires-cluster')).toEqual([])
  })
})
