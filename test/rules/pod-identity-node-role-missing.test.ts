import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo, writeRepoFile } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const ASSOCIATION = [
  'iam:',
  '  podIdentityAssociations:',
  '    - namespace: billing',
  '      serviceAccountName: invoices',
  '      roleARN: arn:aws:iam::111122223333:role/billing-invoices',
  'addons:',
  '  - name: eks-pod-identity-agent',
]

function eksctlConfig(name: string, lines: string[]): string {
  return [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: ${name}`,
    '  region: eu-west-1',
    ...lines,
  ].join('\n')
}

describe('pod-identity-node-role-missing', () => {
  it('reads nothing certain from node groups of odd shapes, and goes on', async () => {
    const root = tempRepo()
    writeRepoFile(
      root,
      'eksctl/odd.yaml',
      eksctlConfig('odd', [
        ...ASSOCIATION,
        'managedNodeGroups:',
        '  - just-a-string',
        '  - name: list-of-maps',
        '    iam:',
        '      attachPolicyARNs:',
        '        - { arn: arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy }',
        '  - name: not-a-list',
        '    iam:',
        '      attachPolicyARNs: arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
        '  - name: profile-only',
        '    iam:',
        '      instanceProfileARN: arn:aws:iam::111122223333:instance-profile/nodes',
        '      attachPolicyARNs:',
        '        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
        '  - name: conditional-inline',
        '    iam:',
        '      attachPolicyARNs:',
        '        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
        '      attachPolicy:',
        '        Statement:',
        '          - Effect: Allow',
        '            Action: eks-auth:AssumeRoleForPodIdentity',
        '            Resource: "*"',
        '            Condition: { StringEquals: { aws:ResourceTag/team: billing } }',
        'nodeGroups: {}',
      ]),
    )
    writeRepoFile(
      root,
      'cfn/stack.yaml',
      [
        'Resources:',
        '  Workers:',
        '    Type: AWS::EKS::Nodegroup',
        '    Properties:',
        '      ClusterName: orders',
        '      NodeRole: !ImportValue node-role-arn',
        '  Orders:',
        '    Type: AWS::EKS::PodIdentityAssociation',
        '    Properties:',
        '      ClusterName: orders',
        '      Namespace: orders',
        '      ServiceAccount: orders',
        '      RoleArn: arn:aws:iam::111122223333:role/orders',
      ].join('\n'),
    )
    // Terraform attachments are other resources: the role's permissions are not complete.
    writeRepoFile(
      root,
      'infra/main.tf',
      [
        'resource "aws_iam_role" "nodes" {',
        '  name               = "payments-nodes"',
        '  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })',
        '}',
        'resource "aws_eks_node_group" "workers" {',
        '  cluster_name  = "payments"',
        '  node_role_arn = aws_iam_role.nodes.arn',
        '  subnet_ids    = ["subnet-0a1b2c3d"]',
        '}',
        'resource "aws_eks_pod_identity_association" "ledger" {',
        '  cluster_name    = "payments"',
        '  namespace       = "payments"',
        '  service_account = "ledger"',
        '  role_arn        = "arn:aws:iam::111122223333:role/payments-ledger"',
        '}',
      ].join('\n'),
    )
    const result = await scan(root)
    expect(linesOf(result, 'pod-identity-node-role-missing')).toEqual([])
    expect(linesOf(result, 'parse-error')).toEqual([])
  })

  it('judges each node group of a cluster with associations, and none of a cluster without', async () => {
    const root = tempRepo()
    const lacking = ['    iam:', '      attachPolicyARNs:', '        - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy']
    writeRepoFile(
      root,
      'eksctl/billing.yaml',
      eksctlConfig('billing', [
        ...ASSOCIATION,
        'nodeGroups:',
        '  - name: self-managed',
        ...lacking,
        '  - name: image-builder',
        ...lacking,
        '      withAddonPolicies:',
        '        imageBuilder: true',
      ]),
    )
    writeRepoFile(
      root,
      'eksctl/quiet.yaml',
      eksctlConfig('quiet', ['managedNodeGroups:', '  - name: workers', ...lacking]),
    )
    const result = await scan(root)
    const tail =
      'do not allow eks-auth:AssumeRoleForPodIdentity, but the Pod Identity association (billing/invoices, eksctl/billing.yaml:8) gives pods of cluster billing roles through EKS Pod Identity: ' +
      'the Pod Identity agent on these nodes calls eks-auth:AssumeRoleForPodIdentity as the node role and is refused, so pods scheduled there get no credentials; attach AmazonEKSWorkerNodePolicy (or AmazonEKSWorkerNodeMinimalPolicy) to the node role [pod-identity-node-role-missing]'
    expect(linesOf(result, 'pod-identity-node-role-missing')).toEqual([
      `eksctl/billing.yaml:16:7: error: Node group self-managed (eksctl/billing.yaml) runs as the node role eksctl creates for it, whose policies (AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly) ${tail}`,
      `eksctl/billing.yaml:20:7: error: Node group image-builder (eksctl/billing.yaml) runs as the node role eksctl creates for it, whose policies (AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly, AmazonEC2ContainerRegistryPowerUser) ${tail}`,
    ])
  })
})
