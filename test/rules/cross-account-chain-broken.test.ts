import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { linesOf, scan } from '../helpers.js'

afterAll(removeTempRepos)

const id = 'cross-account-chain-broken'

describe(id, () => {
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
})
