import { ruleLines } from '../helpers.js'

describe('helm-value-path-unused', () => {
  it('follows the configured level, or none when off', async () => {
    expect(await ruleLines('helm-value-path-unused', 'fires', { rules: { 'helm-value-path-unused': 'off' } })).toEqual(
      [],
    )
  })
})
