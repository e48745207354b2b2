import { ruleLines } from '../helpers.js'

const id = 'flux-patch-target-unmatched'

describe(id, () => {
  it("reports a Flux Kustomization patch whose target selects nothing that its spec.path builds, at the patch's target", async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `clusters/prod/reports.yaml:18:7: warning: This patch's target (kind=ServiceAccount, name=report) selects no object that clusters/prod/reports.yaml#reports builds, so the patch changes nothing [${id}]`,
      `clusters/prod/reports.yaml:28:7: warning: This patch's target (labelSelector=app=reporting) selects no object that clusters/prod/reports.yaml#reports builds, so the patch changes nothing [${id}]`,
    ])
  })

  it('stays silent on targets that select an object by a name it has had or by label, on paths of another repository, and on builds not read whole', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
