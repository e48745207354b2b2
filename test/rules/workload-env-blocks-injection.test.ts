import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('workload-env-blocks-injection', () => {
  it('reports env variables that stop the webhook or shadow the web identity token', async () => {
    expect(await ruleLines('workload-env-blocks-injection', 'fires')).toEqual([
      'k8s/workloads.yaml:20:21: error: container "sync" of Deployment data/sync sets AWS_ROLE_ARN "arn:aws:iam::345678901234:role/data-sync-old", but its ServiceAccount data/sync (k8s/service-accounts.yaml:7) names "arn:aws:iam::345678901234:role/data-sync"; with either variable set, the EKS webhook injects neither, so the pod asks for the other role: remove AWS_ROLE_ARN from the env [workload-env-blocks-injection]',
      'k8s/workloads.yaml:44:21: error: init container "prepare" of Deployment data/export sets AWS_WEB_IDENTITY_TOKEN_FILE but not AWS_ROLE_ARN; with either variable set, the EKS webhook injects neither, so the SDK cannot use the web identity of ServiceAccount data/sync (k8s/service-accounts.yaml:7): remove AWS_WEB_IDENTITY_TOKEN_FILE from the env [workload-env-blocks-injection]',
      'k8s/workloads.yaml:52:21: error: container "export" of Deployment data/export sets AWS_ROLE_ARN but not AWS_WEB_IDENTITY_TOKEN_FILE; with either variable set, the EKS webhook injects neither, so the SDK cannot use the web identity of ServiceAccount data/sync (k8s/service-accounts.yaml:7): remove AWS_ROLE_ARN from the env [workload-env-blocks-injection]',
      'k8s/workloads.yaml:76:21: error: container "import" of Deployment data/import points AWS_WEB_IDENTITY_TOKEN_FILE at the Kubernetes API token, whose audience STS refuses ("Incorrect token audience"), and with either variable set, the EKS webhook injects neither for ServiceAccount data/sync (k8s/service-accounts.yaml:7): remove AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN from the env [workload-env-blocks-injection]',
      'k8s/workloads.yaml:98:21: warning: container "legacy" of Deployment data/legacy sets AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which the AWS SDKs use before the web identity token: the pod runs with these static keys instead of role "arn:aws:iam::345678901234:role/data-sync" of ServiceAccount data/sync (k8s/service-accounts.yaml:7); remove them from the env [workload-env-blocks-injection]',
      'k8s/workloads.yaml:131:21: warning: container "audit" of Deployment data/audit sets AWS_ROLE_ARN but not AWS_WEB_IDENTITY_TOKEN_FILE (unless its envFrom supplies AWS_WEB_IDENTITY_TOKEN_FILE); with either variable set, the EKS webhook injects neither, so the SDK cannot use the web identity of ServiceAccount data/sync (k8s/service-accounts.yaml:7): remove AWS_ROLE_ARN from the env [workload-env-blocks-injection]',
    ])
  })

  it('stays silent on agreeing IRSA variables, skipped containers and workloads without IRSA', async () => {
    const result = await scan(fixture('rules', 'workload-env-blocks-injection', 'silent'))
    expect(linesOf(result, 'workload-env-blocks-injection')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([2, 2])
  })
})
