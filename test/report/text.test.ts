import { formatFindingLine, formatText } from '../../src/report/text.js'
import { broad, denied } from './results.js'

describe('text reporter', () => {
  it('prints one finding a line as path:line:col: level: message [rule-id]', () => {
    expect(formatFindingLine(denied)).toBe(
      'iam/payments-api-trust.json:12:90: error: ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api [trust-denies-service-account]',
    )
    expect(formatText([denied, broad])).toBe(
      'iam/payments-api-trust.json:12:90: error: ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api [trust-denies-service-account]\n' +
        'infra/my roles/ops.json:3:5: warning: StringLike sub "system:serviceaccount:*:api" admits a ServiceAccount named api in any namespace [sub-condition-broad]\n',
    )
  })

  it('prints nothing when there are no findings', () => {
    expect(formatText([])).toBe('')
  })
})
