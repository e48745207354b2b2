import { fixture, linesOf, scan } from '../helpers.js'

const RULE = 'federated-principal-invalid'

describe(RULE, () => {
  it('leaves the trusts of other identity providers alone (Terraform Cloud, GitHub Actions, GitLab, Google, Cognito), also with a placeholder account', async () => {
    const result = await scan(fixture('rules', RULE, 'silent', 'other-providers'))
    expect(linesOf(result).filter((line) => !line.includes(': note: '))).toEqual([])
    expect(result.graph.facts.roles).toHaveLength(3)
  })
})
