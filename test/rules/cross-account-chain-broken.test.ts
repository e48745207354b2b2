import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { linesOf, ruleLines, scan } from '../helpers.js'

afterAll(removeTempRepos)

const id = 'cross-account-chain-broken'
const A = 'arn:aws:iam::210987654321:role/account-a-role'
const B = 'arn:aws:iam::587694120342:role/account-b-role'
const WEBHOOK_TOKEN = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'

describe(id, () => {
  it('reports each broken link of a profile chain on the line to change', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      // role A's own permissions do not cover role B
      `cfn/account-a.yaml:23:17: error: Role account-a-role (cfn/account-a.yaml:3), the role of profile "account_a_role", may not sts:AssumeRole on "${B}": no statement of its permission policies in the scan allows it; profile "account_b_role" (k8s/reporter.yaml:11) fails with "is not authorized to perform: sts:AssumeRole"; allow "sts:AssumeRole" on "${B}" in its permission policy [${id}]`,
      // role B trusts the wrong account
      `iam/account-b-role-trust.json:6:7: error: Role account-b-role's trust (iam/account-b-role-trust.json:6) does not let the role of profile "account_a_role" assume it: it trusts "arn:aws:iam::111122220000:root", not role "${A}" (account 210987654321); profile "account_b_role" (k8s/reporter.yaml:11) fails with AccessDenied on sts:AssumeRole; add "${A}" (or "arn:aws:iam::210987654321:root") as an AWS principal allowed sts:AssumeRole [${id}]`,
      // source_profile names no profile of the file
      `k8s/exporter.yaml:10:22: error: Profile "export" (k8s/exporter.yaml:9) names source_profile "web-identity", which ConfigMap payments/exporter-aws-config key "config" (k8s/exporter.yaml) does not define, so the SDK fails with 'The source_profile "web-identity" referenced in the profile "export" does not exist'; add that profile or correct the name [${id}]`,
      // AWS_PROFILE names no profile of the mounted file
      `k8s/exporter.yaml:45:26: error: AWS_PROFILE of container export of CronJob payments/exporter is "exporter", which ConfigMap payments/exporter-aws-config key "config" (k8s/exporter.yaml) does not define, so the SDK fails with "The config profile (exporter) could not be found"; name one of its profiles (export, web_identity) [${id}]`,
      // the token file is not the webhook's
      `k8s/ledger.yaml:15:31: error: Profile "ledger_web" (k8s/ledger.yaml:14) reads the web identity token from "/var/run/secrets/kubernetes.io/serviceaccount/token", but the pod identity webhook mounts it at "${WEBHOOK_TOKEN}" and container sync of Deployment payments/ledger-sync mounts nothing at that path; set web_identity_token_file = ${WEBHOOK_TOKEN} [${id}]`,
      // the web-identity profile assumes another role than the ServiceAccount's
      `k8s/ledger.yaml:16:16: error: Profile "ledger_web" (k8s/ledger.yaml:14) presents the web identity token of ServiceAccount payments/ledger (k8s/ledger.yaml:24) to role "arn:aws:iam::210987654321:role/ledger-web", whose trust refuses that token, but the ServiceAccount's IRSA role (its eks.amazonaws.com/role-arn) is "arn:aws:iam::210987654321:role/ledger"; set role_arn = arn:aws:iam::210987654321:role/ledger, or annotate the ServiceAccount with "arn:aws:iam::210987654321:role/ledger-web" and make that role's trust accept its token [${id}]`,
      // the chain is mounted but never selected (the application might select it in code: a warning)
      `k8s/ledger.yaml:41:11: warning: Container ledger of StatefulSet payments/ledger reads Secret payments/ledger-aws key "config" (k8s/ledger.yaml) but sets no AWS_PROFILE, and the file has no [default] profile, so unless the application selects a profile itself the SDK never follows the chain and uses the ServiceAccount's role alone; set AWS_PROFILE to "ledger_target" (k8s/ledger.yaml:10) [${id}]`,
    ])
  })

  it("warns when the web-identity profile's role is not the ServiceAccount's and the scan lacks that role's trust", async () => {
    const root = tempRepo({
      'k8s.yaml': [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: aws, namespace: jobs}',
        'data:',
        '  config: |',
        '    [profile target]',
        '    source_profile = web',
        '    role_arn = arn:aws:iam::587694120342:role/target',
        '    [profile web]',
        '    web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
        '    role_arn = arn:aws:iam::210987654321:role/jobs-web',
        '---',
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: runner',
        '  namespace: jobs',
        '  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::210987654321:role/jobs"}',
        '---',
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: nightly, namespace: jobs}',
        'spec:',
        '  template:',
        '    spec:',
        '      serviceAccountName: runner',
        '      containers:',
        '        - name: run',
        '          env: [{name: AWS_PROFILE, value: target}]',
        '          volumeMounts: [{name: aws, mountPath: /root/.aws}]',
        '      volumes: [{name: aws, configMap: {name: aws}}]',
        '',
      ].join('\n'),
    })
    expect(linesOf(await scan(root), id)).toEqual([
      `k8s.yaml:11:16: warning: Profile "web" (k8s.yaml:9) presents the web identity token of ServiceAccount jobs/runner (k8s.yaml:18) to role "arn:aws:iam::210987654321:role/jobs-web", but the ServiceAccount's IRSA role (its eks.amazonaws.com/role-arn) is "arn:aws:iam::210987654321:role/jobs"; set role_arn = arn:aws:iam::210987654321:role/jobs, or annotate the ServiceAccount with "arn:aws:iam::210987654321:role/jobs-web" and make that role's trust accept its token [${id}]`,
    ])
  })

  it("stays silent on the guide's chain done right: B trusts A's account, A may assume B, the pod selects the chain", async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
