import { ruleLines } from '../helpers.js'

describe('helm-service-account-name-unpinned', () => {
  it('follows the configured level, or none when off', async () => {
    expect(
      await ruleLines('helm-service-account-name-unpinned', 'fires', {
        rules: { 'helm-service-account-name-unpinned': 'error' },
      }),
    ).toEqual([expect.stringContaining('main.tf:36:7: error: module.cert_manager trusts')])
    expect(
      await ruleLines('helm-service-account-name-unpinned', 'fires', {
        rules: { 'helm-service-account-name-unpinned': 'off' },
      }),
    ).toEqual([])
  })
})
