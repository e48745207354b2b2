import { ruleLines } from '../helpers.js'

const RULE = 'condition-fails-open'
const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2B'
const OTHER_ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/B4C5D6E7F8091A2B3C4D5E6F70819A2C'
const NEGATED = 'is true for every value it does not list, and whenever the key is absent (a key of another provider, a typo), so it lets in tokens no one meant to admit'
const NAME_SUBJECTS = 'the ServiceAccounts that may assume the role ("system:serviceaccount:<namespace>:<name>")'

describe(RULE, () => {
  it('reports negated, IfExists and ForAllValues operators on sub and aud keys of Allow statements', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      `iam/ledger-trust.json:18:9: error: StringNotLike on "${OTHER_ISSUER}:sub" in statement "LedgerWriters" ${NEGATED}; name ${NAME_SUBJECTS} under StringEquals instead [${RULE}]`,
      `iam/migrations-trust.json:12:9: error: StringEqualsIfExists on "${ISSUER}:sub" in statement "SchemaMigrations" is true whenever the key is absent (a key of another provider, a typo), so it lets in tokens no one meant to admit; write StringEquals without "IfExists", naming ${NAME_SUBJECTS} [${RULE}]`,
      `iam/migrations-trust.json:15:9: error: ForAllValues:StringEquals on "${ISSUER}:aud" in statement "SchemaMigrations" is true whenever the key is absent or empty, so it lets in tokens no one meant to admit; write StringEquals without "ForAllValues:", naming the audience ("sts.amazonaws.com", or the ServiceAccount's eks.amazonaws.com/audience) [${RULE}]`,
      `iam/node-exporter-trust.json:14:9: error: StringNotEquals on "${ISSUER}:sub" in Statement[0] ${NEGATED}; name ${NAME_SUBJECTS} under StringEquals instead [${RULE}]`,
    ])
  })

  it('stays silent on exclusions next to a positive condition on the same key, and in Deny statements', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
