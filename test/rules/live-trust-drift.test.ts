import { liveRuleLines } from '../live/helpers.js'

const id = 'live-trust-drift'

describe(id, () => {
  it('reports a deployed trust broader than the repository’s, naming the differing values, on the repository line', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `iam/payments-api-trust.json:12:90: warning: the deployed trust of role payments-api in account 406214073512 (iam:GetRole) differs in effect from the repository's (iam/payments-api-trust.json:1): it accepts any ServiceAccount in namespace payments, which the repository's refuses; deployed only: StringLike sub "system:serviceaccount:payments:*"; repository only: StringEquals sub "system:serviceaccount:payments:api"; apply the repository's trust to the role, or bring the repository in line with what is deployed [${id}]`,
      `iam/search-indexer-trust.json:13:13: warning: the deployed trust of role search-indexer in account 406214073512 (iam:GetRole) differs in effect from the repository's (iam/search-indexer-trust.json:1): it accepts a ServiceAccount in any namespace, which the repository's refuses; and it accepts any ServiceAccount in namespace search, which the repository's refuses; repository only: StringEquals sub "system:serviceaccount:search:indexer", StringEquals sub "system:serviceaccount:search:reindex-job"; apply the repository's trust to the role, or bring the repository in line with what is deployed [${id}]`,
    ])
  })

  it('stays silent when the deployed trust says the same thing in other words (key order, lists, whitespace)', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
