import { fixture, linesOf, scan } from '../helpers.js'

describe('sdk-sts-module-missing', () => {
  it('stays silent when the STS module or a bundle with it is a dependency', async () => {
    const result = await scan(fixture('rules', 'sdk-sts-module-missing', 'silent'))
    expect(linesOf(result, 'sdk-sts-module-missing')).toEqual([])
    expect(
      (result.graph.facts.buildFiles ?? []).map((buildFile) => [buildFile.location.path, buildFile.hasStsModule]),
    ).toEqual([
      ['services/billing/build.gradle.kts', true],
      ['services/ledger/Ledger.csproj', true],
      ['services/orders/pom.xml', true],
      ['services/reports/build.gradle', true],
    ])
  })

  it('says nothing in a repository without IRSA ServiceAccounts', async () => {
    const result = await scan(fixture('rules', 'sdk-sts-module-missing', 'fires'), { exclude: ['**/*.yaml'] })
    expect(linesOf(result, 'sdk-sts-module-missing')).toEqual([])
    expect((result.graph.facts.buildFiles ?? []).length).toBe(3)
  })
})
