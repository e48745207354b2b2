import { classify, looksRelevantByName } from '../../src/discover/classify.js'

const serviceAccount = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n'

describe('classify', () => {
  it.each([
    ['k8s/sa.yaml', serviceAccount, 'kubernetes'],
    ['k8s/sa.YML', serviceAccount, 'kubernetes'],
    ['k8s/list.yaml', '- apiVersion: v1\n  kind: Pod\n', 'kubernetes'],
    ['k8s/quoted.yaml', '"apiVersion": v1\n"kind": Pod\n', 'kubernetes'],
    ['values.yaml', 'serviceAccount:\n  name: app\n  kind: x\n', 'ignored'],
    ['docs.yaml', 'text: the apiVersion and kind fields\n', 'ignored'],
    ['chart/templates/sa.yaml', `${serviceAccount}  namespace: {{ .Release.Namespace }}\n`, 'helm-template'],
    ['chart/templates/sub/sa.yaml', '{{- if .Values.create }}\n', 'helm-template'],
    ['plain/templates/sa.yaml', serviceAccount, 'kubernetes'],
    ['envsubst/sa.yaml', `${serviceAccount}  namespace: {{ ns }}\n`, 'kubernetes'],
    ['.github/workflows/deploy.yml', 'run: aws iam create-role --role-name x\n', 'script'],
    ['.github/workflows/ci.yml', serviceAccount, 'ignored'],
    ['scripts/setup.sh', 'aws iam create-role --role-name app', 'script'],
    ['scripts/other.sh', 'echo hi', 'ignored'],
    ['Makefile', 'role:\n\taws iam create-role', 'script'],
    ['make/rules.mk', 'aws iam create-role', 'script'],
    ['main.tf', 'resource "aws_iam_role" "x" {}', 'terraform'],
    ['prod.tfvars', 'x = 1', 'terraform-vars'],
    ['prod.auto.tfvars', 'x = 1', 'terraform-vars'],
    ['prod.tfvars.json', '{"x": 1}', 'terraform-vars'],
    ['stack.tf.json', '{"resource": {}}', 'ignored'],
    ['plan.json', '{"format_version":"1.2","planned_values":{}}', 'terraform-plan'],
    ['plan2.json', '{"format_version":"1.2","resource_changes":[]}', 'terraform-plan'],
    ['trust.json', '{"Version":"2012-10-17","Statement":[]}', 'iam-json'],
    ['role.json', '{"Role":{"AssumeRolePolicyDocument":{}}}', 'iam-json'],
    ['sa.json', '{"apiVersion":"v1","kind":"ServiceAccount"}', 'kubernetes'],
    ['package.json', '{"name":"x"}', 'ignored'],
    ['package-lock.json', '{"Statement": 1}', 'ignored'],
    ['README.md', serviceAccount, 'ignored'],
    ['cluster.yaml', 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n', 'eksctl'],
    ['cluster.yaml', 'apiVersion: eksctl.io/v1alpha5\nkind: Other\n', 'kubernetes'],
    [
      'quoted.yaml',
      'data:\n  x: "apiVersion: eksctl.io/v1 ClusterConfig"\nkind: ConfigMap\napiVersion: v1\n',
      'kubernetes',
    ],
    ['stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'cloudformation'],
    ['stack.yml', 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n', 'cloudformation'],
    ['stack.yaml', 'Resources:\n  Role:\n    Type: Custom::Thing\n', 'cloudformation'],
    ['notstack.yaml', 'Resources:\n  Role:\n    Type: Other\n', 'ignored'],
    ['indented.yaml', 'x:\n  Resources:\n    R:\n      Type: AWS::IAM::Role\n', 'ignored'],
    ['svc/package-lock.json', '{"packages": {"node_modules/aws-sdk": {}}}', 'lock-file'],
    ['svc/package-lock.json', '{"packages": {"node_modules/express": {}}}', 'ignored'],
    ['svc/poetry.lock', '[[package]]\nname = "boto3"\n', 'lock-file'],
    ['svc/pnpm-lock.yaml', "packages:\n  '@aws-sdk/client-s3@3.1.0':\n", 'lock-file'],
    ['svc/package.json', '{"dependencies": {"aws-sdk": "2.1.0"}}', 'dependency-manifest'],
    ['svc/package.json', '{"apiVersion": "v1", "kind": "ConfigMap"}', 'kubernetes'],
    ['svc/requirements.txt', 'boto3==1.9.0\n', 'dependency-manifest'],
    ['svc/requirements.txt', 'flask==3.0.0\n', 'ignored'],
  ])('%s → %s', (path, text, kind) => {
    expect(classify(path, text)).toBe(kind)
  })

  it('names the files discovery looks at', () => {
    expect(
      ['a.yaml', 'b.yml', 'c.json', 'd.tf', 'e.tfvars', 'f.sh', 'Makefile', 'g.mk', 'h.bash'].every(
        looksRelevantByName,
      ),
    ).toBe(true)
    expect(['a.md', 'b.png', 'c.txt', 'composer.json', 'x.tf.json', 'Dockerfile'].some(looksRelevantByName)).toBe(false)
  })

  it.each([
    ['k8s/app.YAML', true],
    ['infra/MAIN.TF', true],
    ['package-lock.yaml', true],
    ['yarn.lock.tf', true],
    ['deep/Package-Lock.JSON', false],
    ['deep/yarn.lock', true],
    ['svc/requirements-prod.txt', true],
    ['svc/go.mod', true],
    ['svc/Gemfile.lock', true],
    ['composer.json', false],
    ['my-composer.json', true],
    ['x.min.json', false],
    ['x.tf.JSON', false],
    ['prod.tfvars.json', true],
    ['base/Kustomization', true],
    ['chart/templates/_helpers.tpl', true],
    ['chart/_helpers.tpl', false],
    ['app/.aws/config', true],
    ['aws-config.ini', true],
    ['GNUmakefile', true],
    ['run.SH', false],
    ['yaml', false],
    ['a.yaml.bak', false],
  ])('%s looks relevant by name: %s', (path, relevant) => {
    expect(looksRelevantByName(path)).toBe(relevant)
  })
})
