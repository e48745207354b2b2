import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixture, linesOf, scan } from '../../helpers.js'

describe('irsa-guard:ignore comments in .tf files', () => {
  it('suppress the finding on the next line with a reason; without one they are reported and suppress nothing', async () => {
    const result = await scan(fixture('terraform', 'suppressed'))
    expect(linesOf(result).filter((line) => !line.includes(': note: '))).toEqual([
      'main.tf:40:19: error: ServiceAccount shop/billing (main.tf:65) would be refused by role billing\'s trust (main.tf:40): StringEquals on "oidc.eks.eu-west-1.amazonaws.com/id/D43CF17C27A865933144EA99A26FB128:sub" allows "system:serviceaccount:legacy:billing", not "system:serviceaccount:shop:billing"; change the sub value to "system:serviceaccount:shop:billing" or move the ServiceAccount to namespace legacy [trust-denies-service-account]',
      'main.tf:40:59: warning: The irsa-guard:ignore comment for trust-denies-service-account gives no reason, so it suppresses nothing; say why after the rule id: # irsa-guard:ignore trust-denies-service-account <reason> [suppression-reason-missing]',
    ])
  })

  it('are what hides the suppressed finding', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'irsa-guard-suppressed-'))
    try {
      const text = readFileSync(fixture('terraform', 'suppressed', 'main.tf'), 'utf8')
      writeFileSync(
        path.join(root, 'main.tf'),
        text.replace(/^\s*# irsa-guard:ignore.*$/m, '      # (comment removed)'),
      )
      const result = await scan(root)
      expect(linesOf(result, 'trust-denies-service-account').map((line) => line.split(': error: ')[0])).toEqual([
        'main.tf:18:17',
        'main.tf:40:19',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
