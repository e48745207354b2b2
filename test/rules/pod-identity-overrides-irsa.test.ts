import { readGolden } from '../golden.js'
import { fixture, ruleLines } from '../helpers.js'

const id = 'pod-identity-overrides-irsa'

describe(id, () => {
  it('keeps a warning when several clusters are known, since the association may be for another cluster than the manifest', async () => {
    const golden = readGolden({ ruleId: id, variant: 'fires', root: fixture('rules', id, 'fires') }) ?? []
    // fires/expected.txt: an error where the roles differ, warnings where they agree or one is unknown.
    const withOneCluster = golden.filter((line) => line.endsWith(`[${id}]`))
    expect(withOneCluster.map((line) => line.split(': ')[1])).toEqual(['error', 'warning', 'warning'])
    const clusters = [{ name: 'payments' }, { name: 'payments-dr' }]
    expect(await ruleLines(id, 'fires', { clusters })).toEqual(
      withOneCluster.map((line) => line.replace(': error: ', ': warning: ')),
    )
  })
})
