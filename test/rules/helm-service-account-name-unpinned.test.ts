import { ruleLines } from '../helpers.js'

describe('helm-service-account-name-unpinned', () => {
  it('reports the trusted service_account of an add-on whose chart names its ServiceAccount after a release name set apart', async () => {
    expect(await ruleLines('helm-service-account-name-unpinned', 'fires')).toEqual([
      'main.tf:36:7: warning: module.cert_manager trusts ServiceAccount cert-manager/cert-manager, but chart cert-manager names its ServiceAccount after the Helm release, whose name is set apart from it (try(var.cert_manager.name, "cert-manager")); a release with another name breaks the chain. Set serviceAccount.name to cert-manager in the release\'s values [helm-service-account-name-unpinned]',
    ])
  })

  it('stays silent when serviceAccount.name is set, the trusted name follows the release name, or the release name is a literal', async () => {
    expect(await ruleLines('helm-service-account-name-unpinned', 'silent')).toEqual([])
  })

  it('follows the configured level, or none when off', async () => {
    expect(await ruleLines('helm-service-account-name-unpinned', 'fires', { rules: { 'helm-service-account-name-unpinned': 'error' } })).toEqual([
      expect.stringContaining('main.tf:36:7: error: module.cert_manager trusts'),
    ])
    expect(await ruleLines('helm-service-account-name-unpinned', 'fires', { rules: { 'helm-service-account-name-unpinned': 'off' } })).toEqual([])
  })
})
