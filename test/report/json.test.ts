import { formatJson } from '../../src/report/json.js'
import { VERSION } from '../../src/version.js'
import { broad, denied, parseProblem, resultOf } from './results.js'

describe('json reporter', () => {
  it('lists the findings with counts, the scan and the version', () => {
    const report = JSON.parse(formatJson(resultOf([denied, broad, parseProblem])))
    expect(report).toEqual({
      tool: 'irsa-guard',
      version: VERSION,
      counts: { error: 1, warning: 1, note: 1 },
      scan: { filesSeen: 5, relevantFiles: 3 },
      coverage: { verified: 0, total: 0, unresolved: [] },
      findings: [
        {
          ruleId: 'trust-denies-service-account',
          level: 'error',
          message: 'ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api',
          location: { path: 'iam/payments-api-trust.json', line: 12, column: 90 },
          related: [
            {
              location: { path: 'k8s/api.yaml', line: 7, column: 33 },
              message: 'ServiceAccount payments/api names the role here',
            },
          ],
          fingerprint: '0123456789abcdef0123456789abcdef',
          docsUrl: 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/trust-denies-service-account.md',
        },
        expect.objectContaining({
          ruleId: 'sub-condition-broad',
          level: 'warning',
          location: { path: 'infra/my roles/ops.json', line: 3, column: 5 },
        }),
        expect.objectContaining({ ruleId: 'parse-error', level: 'note' }),
      ],
    })
  })

  it('is valid JSON ending in a newline when nothing was found', () => {
    const text = formatJson(resultOf([]))
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ counts: { error: 0, warning: 0, note: 0 }, findings: [] })
  })
})
