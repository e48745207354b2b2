import { fixture, scan } from '../helpers.js'

const RULE = 'trust-policy-invalid'

describe(RULE, () => {
  // Its golden report (silent-not-irsa/expected.txt) holds only the note on the policy template.
  it('reads the trusts it leaves alone on silent-not-irsa: a service role and another identity provider', async () => {
    const result = await scan(fixture('rules', RULE, 'silent-not-irsa'))
    expect(result.graph.facts.roles.map((role) => role.label)).toEqual([
      'aws_iam_role.backup',
      'role github-actions (github-actions-trust.json)',
    ])
  })
})
