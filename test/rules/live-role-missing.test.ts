import { liveRuleLines } from '../live/helpers.js'

const id = 'live-role-missing'

describe(id, () => {
  it('reports an annotated role iam:GetRole does not find, and one that exists only under another path, on the annotation', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:7:33: error: ServiceAccount payments/api (k8s/service-accounts.yaml:7) names role payments-api in account 406214073512, which does not exist (iam:GetRole: NoSuchEntity), so STS refuses its token; apply the repository's definition (iam/payments-api-trust.json:1), or point the annotation at a role that exists [${id}]`,
      `k8s/service-accounts.yaml:15:33: error: ServiceAccount reports/exporter (k8s/service-accounts.yaml:15) names "arn:aws:iam::406214073512:role/reports-exporter", but role reports-exporter in account 406214073512 has path "/team/" (iam:GetRole), so the annotated ARN does not exist; change the annotation to "arn:aws:iam::406214073512:role/team/reports-exporter" [${id}]`,
    ])
  })

  it('stays silent when the roles exist at the annotated paths', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
