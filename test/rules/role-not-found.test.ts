import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const id = 'role-not-found'

describe(id, () => {
  it('reports annotations naming a role the scanned sources do not define, with the nearest names or the path they define', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:7:33: warning: ServiceAccount prod/orders (k8s/service-accounts.yaml:7) names role "orders-raeder", which no scanned source defines (they define 3 roles); did you mean "orders-reader" (iam/orders-reader-trust.json:1)? correct the annotation or add the role's definition to the scan [${id}]`,
      `k8s/service-accounts.yaml:15:33: warning: ServiceAccount prod/reports (k8s/service-accounts.yaml:15) names role "reports-reader" without a path, but role reports-reader (iam/reports-reader.json:2) has path "/team/", so the annotated ARN does not exist; change the annotation to "arn:aws:iam::406214073512:role/team/reports-reader" [${id}]`,
      `k8s/service-accounts.yaml:23:33: warning: ServiceAccount prod/exporter (k8s/service-accounts.yaml:23) names role "exporter" with path "/svc/", but role exporter (iam/exporter.json:2) has path "/", so the annotated ARN does not exist; change the annotation to "arn:aws:iam::406214073512:role/exporter" [${id}]`,
      `k8s/service-accounts.yaml:31:33: warning: ServiceAccount prod/search (k8s/service-accounts.yaml:31) names role "search-indexer", which no scanned source defines (they define 3 roles); correct the annotation or add the role's definition to the scan [${id}]`,
    ])
  })

  it('hands an annotation whose role only another account defines to role-account-mismatch', async () => {
    const result = await scan(fixture('rules', id, 'fires'))
    expect(linesOf(result, 'role-account-mismatch')).toEqual([
      `k8s/service-accounts.yaml:39:33: error: ServiceAccount prod/audit (k8s/service-accounts.yaml:39) names role audit-writer in account 406214073512, but the scanned sources define that role in account 731843002219 (iam/audit-writer.json:2); change the annotation to "arn:aws:iam::731843002219:role/audit-writer", or define the role in account 406214073512 [role-account-mismatch]`,
    ])
  })

  it('stays silent when the roles exist, with their path, or in an account the scan defines no role of, or behind a trust policy bound to no role', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
