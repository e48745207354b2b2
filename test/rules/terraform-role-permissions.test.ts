import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo, writeRepoFile } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const JOBS = [
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: runner',
  '  namespace: jobs',
  '---',
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
  '      containers:',
  '        - name: runner',
  '          image: registry.example.com/runner:1.0.0',
  '',
].join('\n')

/** A Fargate profile for namespace jobs whose pod execution role is `role_arn`, and a Job there without IRSA. */
async function fargateLines(terraform: string[], roleArn = 'aws_iam_role.jobs.arn'): Promise<string[]> {
  const root = tempRepo()
  writeRepoFile(root, 'k8s/jobs.yaml', JOBS)
  writeRepoFile(
    root,
    'infra/main.tf',
    [
      ...terraform,
      '',
      'resource "aws_eks_fargate_profile" "jobs" {',
      '  cluster_name           = "jobs"',
      '  fargate_profile_name   = "jobs"',
      `  pod_execution_role_arn = ${roleArn}`,
      '  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]',
      '',
      '  selector {',
      '    namespace = "jobs"',
      '  }',
      '}',
      '',
    ].join('\n'),
  )
  const result = await scan(root)
  expect(linesOf(result, 'parse-error')).toEqual([])
  return linesOf(result, 'fargate-execution-role-permissions').map((line) => line.replace(/,.*\[/, ' … ['))
}

const ROLE = [
  'resource "aws_iam_role" "jobs" {',
  '  name               = "jobs-fargate"',
  '  assume_role_policy = "{}"',
  '}',
]

describe('Terraform role permissions read by fargate-execution-role-permissions', () => {
  it('follows a role a local module creates and attaches policies to, through its instance addresses', async () => {
    const root = tempRepo()
    writeRepoFile(root, 'k8s/jobs.yaml', JOBS)
    writeRepoFile(
      root,
      'infra/main.tf',
      [
        'module "profile" {',
        '  source = "./profile"',
        '  additional = {',
        '    logs = "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"',
        '    data = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"',
        '  }',
        '}',
        '',
      ].join('\n'),
    )
    writeRepoFile(
      root,
      'infra/profile/main.tf',
      [
        'variable "additional" {',
        '  type = map(string)',
        '}',
        '',
        'variable "create" {',
        '  type    = bool',
        '  default = true',
        '}',
        '',
        'resource "aws_iam_role" "this" {',
        '  count              = var.create ? 1 : 0',
        '  name_prefix        = "jobs-"',
        '  assume_role_policy = "{}"',
        '}',
        '',
        'resource "aws_iam_role_policy_attachment" "additional" {',
        '  for_each   = { for k, v in var.additional : k => v if var.create }',
        '  policy_arn = each.value',
        '  role       = aws_iam_role.this[0].name',
        '}',
        '',
        'resource "aws_eks_fargate_profile" "this" {',
        '  count                  = var.create ? 1 : 0',
        '  cluster_name           = "jobs"',
        '  fargate_profile_name   = "jobs"',
        '  pod_execution_role_arn = aws_iam_role.this[0].arn',
        '  subnet_ids             = ["subnet-0a1b2c3d4e5f60718"]',
        '  selector {',
        '    namespace = "jobs"',
        '  }',
        '}',
        '',
      ].join('\n'),
    )
    const result = await scan(root)
    expect(linesOf(result, 'fargate-execution-role-permissions')).toEqual([
      // The ARN's line in the caller: where the policy is chosen. The logs policy is what an execution role is for.
      `infra/main.tf:5:12: error: Module.profile.aws_iam_role.this[0] is the pod execution role of module.profile.aws_eks_fargate_profile.this[0], and this attaches AmazonS3ReadOnlyAccess, which gives it permissions beyond pulling images and writing logs, but containers on Fargate cannot use the execution role's permissions, and Job jobs/runner (k8s/jobs.yaml:10), which the profile runs on Fargate, have no IRSA role: their AWS calls get no credentials; give them a ServiceAccount with an IRSA role that has these permissions [fargate-execution-role-permissions]`,
    ])
  })

  it("takes an attachment made under a condition it cannot decide as unknown, and one under the role's own condition as certain", async () => {
    const lines = await fargateLines(
      [
        'variable "exports" {',
        '  type = bool',
        '}',
        '',
        'variable "create" {',
        '  type = bool',
        '}',
        '',
        'resource "aws_iam_role" "jobs" {',
        '  count              = var.create ? 1 : 0',
        '  name               = "jobs-fargate"',
        '  assume_role_policy = "{}"',
        '}',
        '',
        'resource "aws_iam_role_policy_attachment" "exports" {',
        '  count      = var.exports ? 1 : 0',
        '  role       = "jobs-fargate"',
        '  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"',
        '}',
        '',
        'resource "aws_iam_role_policy_attachment" "queue" {',
        '  count      = var.create ? 1 : 0',
        '  role       = "jobs-fargate"',
        '  policy_arn = "arn:aws:iam::aws:policy/AmazonSQSFullAccess"',
        '}',
      ],
      '"arn:aws:iam::406214073512:role/jobs-fargate"',
    )
    expect(lines).toEqual([
      'infra/main.tf:24:16: error: Role jobs-fargate (if var.create) is the pod execution role of aws_eks_fargate_profile.jobs … [fargate-execution-role-permissions]',
    ])
  })

  it("reads a data aws_iam_policy looked up by ARN, and leaves one looked up by name, another root's role and an unknown managed policy unknown", async () => {
    const lines = await fargateLines([
      ...ROLE,
      '',
      'data "aws_iam_policy" "secrets" {',
      '  arn = "arn:aws-cn:iam::aws:policy/SecretsManagerReadWrite"',
      '}',
      '',
      'data "aws_iam_policy" "named" {',
      '  name = "AmazonS3FullAccess"',
      '}',
      '',
      'resource "aws_iam_role_policy_attachment" "secrets" {',
      '  role       = aws_iam_role.jobs.name',
      '  policy_arn = data.aws_iam_policy.secrets.arn',
      '}',
      '',
      'resource "aws_iam_role_policy_attachment" "named" {',
      '  role       = aws_iam_role.jobs.name',
      '  policy_arn = data.aws_iam_policy.named.arn',
      '}',
      '',
      'resource "aws_iam_role_policy_attachment" "future" {',
      '  role       = aws_iam_role.jobs.name',
      '  policy_arn = "arn:aws:iam::aws:policy/AmazonFutureServiceFullAccess"',
      '}',
      '',
      'resource "aws_iam_role_policy_attachment" "elsewhere" {',
      '  role       = "jobs-fargate-other"',
      '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"',
      '}',
    ])
    expect(lines).toEqual([
      // Only the ARN lookup of an AWS managed policy (in any partition) is known: a name may be a customer policy's.
      'infra/main.tf:16:16: error: Role jobs-fargate is the pod execution role of aws_eks_fargate_profile.jobs … [fargate-execution-role-permissions]',
    ])
  })
})

/** The cross-account guide's chain: the role of profile account_a_role must be allowed sts:AssumeRole on account-b-role. */
const CHAIN = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: aws-config',
  '  namespace: payments',
  'data:',
  '  config: |',
  '    [profile account_b_role]',
  '    source_profile = account_a_role',
  '    role_arn=arn:aws:iam::587694120342:role/account-b-role',
  '',
  '    [profile account_a_role]',
  '    web_identity_token_file = /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
  '    role_arn=arn:aws:iam::210987654321:role/account-a-role',
  '---',
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: reporter',
  '  namespace: payments',
  '  annotations:',
  '    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/account-a-role',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: reporter',
  '  namespace: payments',
  'spec:',
  '  selector:',
  '    matchLabels: {app: reporter}',
  '  template:',
  '    metadata:',
  '      labels: {app: reporter}',
  '    spec:',
  '      serviceAccountName: reporter',
  '      containers:',
  '        - name: app',
  '          image: public.ecr.aws/docker/library/python:3.12',
  '          env:',
  '            - name: AWS_PROFILE',
  '              value: account_b_role',
  '          volumeMounts:',
  '            - name: aws-config',
  '              mountPath: /home/app/.aws',
  '      volumes:',
  '        - name: aws-config',
  '          configMap:',
  '            name: aws-config',
  '',
].join('\n')

const ACCOUNT_A_ROLE = [
  'resource "aws_iam_role" "account_a" {',
  '  name               = "account-a-role"',
  '  assume_role_policy = "{}"',
]

const S3_POLICY = [
  '    policy = jsonencode({',
  '      Version   = "2012-10-17"',
  '      Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]',
  '    })',
]

/** What cross-account-chain-broken says of account-a-role's permissions, which it judges only when they are complete. */
async function permissionLines(terraform: string[]): Promise<string[]> {
  const root = tempRepo()
  writeRepoFile(root, 'k8s/reporter.yaml', CHAIN)
  writeRepoFile(root, 'infra/main.tf', [...terraform, ''].join('\n'))
  const result = await scan(root)
  expect(linesOf(result, 'parse-error')).toEqual([])
  return linesOf(result, 'cross-account-chain-broken')
    .filter((line) => line.includes('may not sts:AssumeRole'))
    .map((line) => line.replace(/ may not .*\[/, ' … ['))
}

describe('completeness of Terraform role permissions', () => {
  it('is complete with inline_policy blocks and managed_policy_arns of customer policies the scan has', async () => {
    const lines = await permissionLines([
      ...ACCOUNT_A_ROLE,
      '  managed_policy_arns = [aws_iam_policy.reports.arn]',
      '  inline_policy {',
      '    name = "reports"',
      ...S3_POLICY,
      '  }',
      '}',
      '',
      'resource "aws_iam_policy" "reports" {',
      '  name = "reports"',
      ...S3_POLICY.map((line) => line.slice(2)),
      '}',
    ])
    expect(lines).toEqual([
      'infra/main.tf:9:20: error: Role account-a-role (infra/main.tf:1), the role of profile "account_a_role", … [cross-account-chain-broken]',
    ])
  })

  it('is complete with the exclusive resources when every policy they list is read', async () => {
    const lines = await permissionLines([
      ...ACCOUNT_A_ROLE,
      '}',
      '',
      'resource "aws_iam_role_policy" "reports" {',
      '  name = "reports"',
      '  role = aws_iam_role.account_a.id',
      ...S3_POLICY.map((line) => line.slice(2)),
      '}',
      '',
      'resource "aws_iam_role_policies_exclusive" "account_a" {',
      '  role_name    = aws_iam_role.account_a.name',
      '  policy_names = ["reports"]',
      '}',
      '',
      'resource "aws_iam_role_policy_attachments_exclusive" "account_a" {',
      '  role_name   = aws_iam_role.account_a.name',
      '  policy_arns = []',
      '}',
    ])
    expect(lines).toEqual([
      'infra/main.tf:11:18: error: Role account-a-role (infra/main.tf:1), the role of profile "account_a_role", … [cross-account-chain-broken]',
    ])
  })

  it.each([
    ['without a list of the managed policies', ['}']],
    [
      'with an AWS managed policy attached',
      ['  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]', '}'],
    ],
    [
      'with an inline policy the exclusive list names but the scan does not have',
      [
        '  managed_policy_arns = []',
        '}',
        '',
        'resource "aws_iam_role_policies_exclusive" "account_a" {',
        '  role_name    = aws_iam_role.account_a.name',
        '  policy_names = ["reports", "assume-b"]',
        '}',
      ],
    ],
  ])('is not complete %s', async (_name, rest) => {
    const lines = await permissionLines([
      ...ACCOUNT_A_ROLE,
      '  inline_policy {',
      '    name = "reports"',
      ...S3_POLICY,
      '  }',
      ...rest,
    ])
    expect(lines).toEqual([])
  })
})
