import { ruleLines } from '../helpers.js'

const RULE = 'aud-condition-invalid'
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/E1D2C3B4A5968778695A4B3C2D1E0F99'
const CHINA_ISSUER = 'oidc.eks.cn-north-1.amazonaws.com.cn/id/6A5B4C3D2E1F00112233445566778899'
const wrong = (value: string, china = '') =>
  `expects "${value}", but IRSA tokens carry aud "sts.amazonaws.com"${china} unless the ServiceAccount sets eks.amazonaws.com/audience, and no scanned ServiceAccount sets "${value}"; write "sts.amazonaws.com"`

describe(RULE, () => {
  it('reports audiences no ServiceAccount token carries, and notes a missing aud condition', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      `iam/billing-cn-trust.json:13:91: error: "${CHINA_ISSUER}:aud" in statement "BillingChina" ${wrong('sts.amazonaws.com.cn', ', in China too,')} [${RULE}]`,
      `iam/external-secrets-trust.json:12:87: error: "${ISSUER}:aud" in Statement[0] is compared with the ServiceAccount subject "system:serviceaccount:external-secrets:external-secrets", so no token matches (its aud claim is "sts.amazonaws.com"); move the subject under "${ISSUER}:sub" and compare ":aud" with "sts.amazonaws.com" [${RULE}]`,
      `iam/uploader-trust.json:13:87: error: "${ISSUER}:aud" in statement "Uploader" ${wrong('sts.amazon.com')} [${RULE}]`,
      `iam/vault-auth-trust.json:13:88: error: "${ISSUER}:aud" in statement "VaultAuth" ${wrong('https://sts.amazonaws.com')} [${RULE}]`,
      `iam/vault-auth-trust.json:13:117: error: "${ISSUER}:aud" in statement "VaultAuth" ${wrong('vault.example.com')} [${RULE}]`,
      `iam/reports-trust.json:10:7: note: Statement[0] has no "${ISSUER}:aud" condition; STS still checks the OIDC provider's client IDs, but AWS recommends adding "StringEquals": {"${ISSUER}:aud": "sts.amazonaws.com"} [${RULE}]`,
    ])
  })

  it('accepts sts.amazonaws.com (also in aws-cn) and an audience a ServiceAccount annotation sets', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
