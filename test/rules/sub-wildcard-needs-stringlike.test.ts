import { ruleLines } from '../helpers.js'

const RULE = 'sub-wildcard-needs-stringlike'

describe(RULE, () => {
  it('can be turned off in the config', async () => {
    expect(await ruleLines(RULE, 'fires', { rules: { [RULE]: 'off' } })).toEqual([])
  })
})
