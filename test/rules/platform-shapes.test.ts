import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo, writeRepoFile } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const PLATFORM_RULES = [
  'pod-identity-platform-unsupported',
  'outposts-irsa-unsupported',
  'windows-node-affinity-irsa',
  'region-env-missing',
  'fargate-execution-role-permissions',
]

function platformLines(lines: string[]): string[] {
  return lines.filter((line) => PLATFORM_RULES.some((id) => line.endsWith(`[${id}]`)))
}

describe('platform facts from odd shapes', () => {
  it('reads nothing certain from selectors, node selectors and outposts it cannot read, and goes on', async () => {
    const root = tempRepo()
    writeRepoFile(
      root,
      'eksctl/cluster.yaml',
      [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: odd',
        '  region: eu-west-1',
        '  version: latest',
        'outpost: "op-0123"',
        'fargateProfiles:',
        '  - just-a-name',
        '  - name: numbers',
        '    selectors: 3',
        '  - name: listed-labels',
        '    selectors:',
        '      - namespace: jobs',
        '        labels: [compute, fargate]',
        'iam:',
        '  podIdentityAssociations:',
        '    - namespace: jobs',
        '      serviceAccountName: runner',
        '      roleARN: arn:aws:iam::406214073512:role/jobs-runner',
        '',
      ].join('\n'),
    )
    writeRepoFile(
      root,
      'k8s/runner.yaml',
      [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: runner',
        '  namespace: jobs',
        'spec:',
        '  template:',
        '    spec:',
        '      serviceAccountName: runner',
        '      restartPolicy: Never',
        '      nodeSelector: [kubernetes.io/os, windows]',
        '      affinity:',
        '        nodeAffinity:',
        '          requiredDuringSchedulingIgnoredDuringExecution:',
        '            nodeSelectorTerms: windows',
        '      containers:',
        '        - name: runner',
        '          image: registry.example.com/runner:1.0.0',
        '          command: /webhook',
        '',
      ].join('\n'),
    )
    writeRepoFile(
      root,
      'cfn/fargate.yaml',
      [
        'Resources:',
        '  Profile:',
        '    Type: AWS::EKS::FargateProfile',
        '    Properties:',
        '      ClusterName: odd',
        '      PodExecutionRoleArn: arn:aws:iam::406214073512:role/odd-fargate',
        '      Selectors: jobs',
        '',
      ].join('\n'),
    )
    const result = await scan(root)
    expect(platformLines(linesOf(result))).toEqual([
      // Labels given as a list are not known labels: the selector may match any pod of jobs, so nothing is certain.
    ])
    expect(linesOf(result, 'parse-error')).toEqual([])
  })

  it('says nothing for an association whose namespace is a reference, even when a profile selects every namespace', async () => {
    const root = tempRepo()
    writeRepoFile(
      root,
      'infra/main.tf',
      [
        'variable "namespace" {',
        '  type = string',
        '}',
        '',
        'resource "aws_eks_fargate_profile" "all" {',
        '  cluster_name           = "shop"',
        '  fargate_profile_name   = "all"',
        '  pod_execution_role_arn = "arn:aws:iam::406214073512:role/shop-fargate"',
        '  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]',
        '',
        '  selector {',
        '    namespace = "*"',
        '  }',
        '}',
        '',
        'resource "aws_eks_pod_identity_association" "api" {',
        '  cluster_name    = "shop"',
        '  namespace       = var.namespace',
        '  service_account = "api"',
        '  role_arn        = "arn:aws:iam::406214073512:role/shop-api"',
        '}',
        '',
        'resource "aws_eks_pod_identity_association" "cart" {',
        '  cluster_name    = "shop"',
        '  namespace       = "cart"',
        '  service_account = "cart"',
        '  role_arn        = "arn:aws:iam::406214073512:role/shop-cart"',
        '}',
        '',
      ].join('\n'),
    )
    const result = await scan(root)
    expect(platformLines(linesOf(result))).toEqual([
      'infra/main.tf:23:1: error: The Pod Identity association aws_eks_pod_identity_association.cart for ServiceAccount cart/cart gives its role to pods on Fargate: aws_eks_fargate_profile.all (infra/main.tf:11) runs every pod of namespace cart there, and EKS Pod Identity does not work on Fargate; use IRSA for these pods [pod-identity-platform-unsupported]',
    ])
  })
})
