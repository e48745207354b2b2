import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('workload-service-account-missing', () => {
  it('reports a missing ServiceAccount when it exists in another namespace, has a near-identical name, or sits among the namespace\'s other ServiceAccounts', async () => {
    expect(await ruleLines('workload-service-account-missing', 'fires')).toEqual([
      'k8s/addons/kube-system.yaml:20:27: warning: Deployment kube-system/cluster-autoscaler runs as ServiceAccount "cluster-autoscaller", which no scanned file defines in namespace kube-system; the pods are refused until it exists: did you mean "cluster-autoscaler" (k8s/addons/kube-system.yaml:5) or "cluster-autoscaler" (k8s/platform/deployments.yaml:43)? Make spec.serviceAccountName and the ServiceAccount\'s name agree [workload-service-account-missing]',
      'k8s/base/reporter.yaml:19:31: warning: CronJob reporter runs as ServiceAccount "reporter-sa", which no scanned file defines in its namespace; the pods are refused until it exists: did you mean "reporter" (k8s/base/reporter.yaml:5)? Make spec.serviceAccountName and the ServiceAccount\'s name agree [workload-service-account-missing]',
      'k8s/orders/deployments.yaml:15:27: warning: Deployment orders/orders-api runs as ServiceAccount "orders-apl", which no scanned file defines in namespace orders; the pods are refused until it exists: did you mean "orders-api" (k8s/orders/service-accounts.yaml:4)? Make spec.serviceAccountName and the ServiceAccount\'s name agree [workload-service-account-missing]',
      'k8s/orders/deployments.yaml:34:27: warning: Deployment orders/orders-worker runs as ServiceAccount "orders-worker", which no scanned file defines in namespace orders, only in namespace order (k8s/orders/service-accounts.yaml:12); the pods are refused until it exists: make the namespaces of the workload and the ServiceAccount agree [workload-service-account-missing]',
      'k8s/orders/deployments.yaml:53:27: warning: Deployment orders/orders-cron runs as ServiceAccount "orders-cron", which no scanned file defines in namespace orders, although k8s/orders/ defines the namespace\'s other ServiceAccounts (orders-api); the pods are refused until it exists: add it or fix spec.serviceAccountName [workload-service-account-missing]',
      // the namespace's ServiceAccounts are defined in another directory, and no chart release mentions this one
      'k8s/platform/deployments.yaml:15:27: warning: Deployment orders/orders-audit runs as ServiceAccount "orders-audit", which no scanned file defines in namespace orders, although the scan defines the namespace\'s ServiceAccounts (orders-api (k8s/orders/service-accounts.yaml:4)); the pods are refused until it exists: add it or fix spec.serviceAccountName [workload-service-account-missing]',
    ])
  })

  it('stays silent on defined, default and externally managed ServiceAccounts, on those EKS and its add-ons create, and on kube-system\'s without a near miss', async () => {
    const result = await scan(fixture('rules', 'workload-service-account-missing', 'silent'))
    expect(linesOf(result, 'workload-service-account-missing')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([4, 11])
  })
})
