import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture, linesOf, scan } from '../../helpers.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

describe('Flux Kustomizations', () => {
  it("builds each cluster's Kustomization over the shared base: a patch to another cluster's role is refused by that role's trust, once", async () => {
    const result = await scan(fixture('kustomize', 'flux'))
    expect(linesOf(result)).toEqual([
      `clusters/prod/apps.yaml:20:41: error: ServiceAccount kube-system/external-dns (clusters/prod/apps.yaml:20) would be refused by role staging-external-dns's trust (iam/staging-external-dns-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:dns:external-dns", not "system:serviceaccount:kube-system:external-dns"; role prod-external-dns's trust (iam/prod-external-dns-trust.json:1) accepts it: point the annotation at role prod-external-dns, or change the sub value to "system:serviceaccount:kube-system:external-dns" or move the ServiceAccount to namespace dns [trust-denies-service-account]`,
      // a path without kustomization.yaml (Flux lists the manifests below it), CLUSTER_NAME from substitute
      `iam/prod-external-dns-trust.json:12:87: error: ServiceAccount monitoring/metrics (apps/metrics/service-account.yaml:7) would be refused by role prod-external-dns's trust (iam/prod-external-dns-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:kube-system:external-dns", not "system:serviceaccount:monitoring:metrics"; change the sub value to "system:serviceaccount:monitoring:metrics" [trust-denies-service-account]`,
    ])
  })

  it('puts the built objects in one deploy unit per Flux Kustomization, with targetNamespace and postBuild substitution applied, instead of the plain build of the base', async () => {
    const result = await scan(fixture('kustomize', 'flux'))
    const accounts = result.graph.facts.serviceAccounts.map((account) => {
      const roleArn = account.annotations.find((annotation) => annotation.key === 'eks.amazonaws.com/role-arn')!.value
      return [
        account.unit,
        account.namespace.kind === 'known' ? account.namespace.value : '?',
        roleArn.kind === 'known' ? roleArn.value : `symbolic ${roleArn.kind === 'symbolic' ? roleArn.expression : ''}`,
      ]
    })
    expect(accounts).toEqual([
      // ${STAGE:=staging}: the ConfigMap named by substituteFrom is in the scan and has no STAGE
      [
        'flux clusters/prod/apps.yaml#external-dns',
        'kube-system',
        'arn:aws:iam::406214073512:role/staging-external-dns',
      ],
      // a path without kustomization.yaml: Flux lists the manifests below it
      ['flux clusters/prod/metrics.yaml#metrics', 'monitoring', 'arn:aws:iam::406214073512:role/prod-external-dns'],
      ['flux clusters/staging/apps.yaml#external-dns', 'dns', 'arn:aws:iam::406214073512:role/staging-external-dns'],
      // a Secret in substituteFrom may set CLUSTER_NAME: it stays unknown
      [
        'flux clusters/staging/apps.yaml#external-dns-default',
        'dns',
        'symbolic arn:aws:iam::406214073512:role/${CLUSTER_NAME}-external-dns',
      ],
    ])
  })

  it('does not follow a linked directory below a path without kustomization.yaml (a link back up would never end)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-flux-'))
    try {
      await mkdir(path.join(root, 'apps', 'jobs'), { recursive: true })
      await symlink('..', path.join(root, 'apps', 'jobs', 'up'))
      await writeFile(path.join(root, 'kustomization.yaml'), 'resources: []\n')
      await writeFile(
        path.join(root, 'apps', 'jobs', 'service-account.yaml'),
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: jobs\n  namespace: jobs\n',
      )
      await writeFile(
        path.join(root, 'flux.yaml'),
        'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: jobs\nspec:\n  path: ./apps\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n  patches:\n    - patch: |\n        - op: add\n          path: /metadata/labels\n          value: {team: jobs}\n      target:\n        kind: ServiceAccount\n        name: job\n',
      )
      const result = await scan(root)
      expect(linesOf(result)).toEqual([
        `flux.yaml:15:7: warning: This patch's target (kind=ServiceAccount, name=job) selects no object that flux.yaml#jobs builds, so the patch changes nothing [flux-patch-target-unmatched]`,
      ])
      expect(result.graph.facts.serviceAccounts.map((account) => [account.unit, account.location.path])).toEqual([
        ['flux flux.yaml#jobs', 'apps/jobs/service-account.yaml'],
      ])
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
