import { check } from '../../src/check.js'
import { loadConfig } from '../../src/config-file.js'
import { fixture, linesOf } from '../helpers.js'

async function scanWithConfig(variant: string) {
  const root = fixture('rules', 'suppression-expired', variant)
  return check({ root, config: await loadConfig({ root, cwd: root }) })
}

describe('suppression-expired', () => {
  it('reports an ignore entry past its expires date at its line, and it suppresses nothing any more', async () => {
    expect(linesOf(await scanWithConfig('fires'))).toEqual([
      'iam/backup-runner-trust.json:10:7: error: Statement[0] of role backup-runner accepts a token of any ServiceAccount in any namespace: it has no ":sub" condition; add "StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/5C84D8E2F7A94B1C9E0D3A6B2F418C7D:sub": "system:serviceaccount:<namespace>:<name>"} [sub-condition-missing]',
      '.irsa-guard.yml:2:5: warning: The ignore entry for sub-condition-missing on iam/backup-runner-trust.json expired on 2020-06-30 and suppresses nothing any more (its reason: "the backup runner is replaced by the new operator this quarter"); fix what it hid and remove it, or set a later expires date [suppression-expired]',
    ])
  })

  it('stays silent while the entry holds: its rule is suppressed in the files its glob matches', async () => {
    expect(linesOf(await scanWithConfig('silent'))).toEqual([])
  })
})
