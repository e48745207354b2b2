import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('workload-runs-as-default', () => {
  it('reports workloads without serviceAccountName beside the annotated ServiceAccount named after them', async () => {
    expect(await ruleLines('workload-runs-as-default', 'fires')).toEqual([
      'k8s/orders/orders.yaml:12:3: error: Deployment orders/orders-api sets no serviceAccountName, so its pods run as ServiceAccount orders/default, which has no role-arn annotation: the EKS webhook injects no role and the SDK falls back to the node\'s role. ServiceAccount orders/orders-api (k8s/orders/orders.yaml:4), named like the workload and annotated with "arn:aws:iam::406214073512:role/orders-api", is used by no workload: set spec.template.spec.serviceAccountName: orders-api [workload-runs-as-default]',
      'k8s/orders/orders.yaml:38:3: error: CronJob orders/orders-export sets no serviceAccountName, so its pods run as ServiceAccount orders/default, which has no role-arn annotation: the EKS webhook injects no role and the SDK falls back to the node\'s role. ServiceAccount orders/orders-export (k8s/orders/orders.yaml:30), named like the workload and annotated with "arn:aws:iam::406214073512:role/orders-export", is used by no workload: set spec.jobTemplate.spec.template.spec.serviceAccountName: orders-export [workload-runs-as-default]',
    ])
  })

  it('stays silent on a set name, an annotated default ServiceAccount, a ServiceAccount another workload uses or defined elsewhere', async () => {
    const result = await scan(fixture('rules', 'workload-runs-as-default', 'silent'))
    expect(linesOf(result, 'workload-runs-as-default')).toEqual([])
    expect(result.graph.facts.workloads.filter((workload) => workload.serviceAccountName === undefined).length).toBe(4)
  })
})
