import { fixture, linesOf, scan } from '../helpers.js'

const id = 'role-trusts-unknown-service-account'

describe(id, () => {
  it('stays silent when the scan defines no ServiceAccount at all', async () => {
    const result = await scan(fixture('rules', id, 'fires'), { include: ['iam/**'] })
    expect(result.graph.facts.roles).toHaveLength(6)
    expect(result.graph.facts.serviceAccounts).toHaveLength(0)
    expect(linesOf(result, id)).toEqual([])
  })
})

describe(`${id} in a Terraform root`, () => {
  // unit-and-chart/expected.txt holds the note on the subject nobody in the root defines.
  it('reads the chart elsewhere as rendering ServiceAccounts of unknown name and namespace', async () => {
    const result = await scan(fixture('rules', id, 'unit-and-chart'))
    expect(result.graph.facts.serviceAccounts.map((sa) => [sa.namespace.kind, sa.name.kind])).toEqual([
      ['symbolic', 'symbolic'],
    ])
  })
})
