import { defaultConfig } from '../../src/config.js'
import type { Value } from '../../src/model/value.js'
import { iamJsonSource } from '../../src/sources/iam-json/index.js'
import {
  createRoleCommandBindings,
  createRoleCommands,
  RoleBinder,
  roleNameFromFileName,
} from '../../src/sources/iam-json/role-bindings.js'
import { sourceContext, type SourceFile } from '../../src/sources/source.js'

const script = (path: string, text: string): SourceFile => ({ path, kind: 'script', text })
const show = (value: Value | undefined): string =>
  value === undefined
    ? '-'
    : value.kind === 'known'
      ? `${value.value}@${value.location.line}:${value.location.column}`
      : `\${${value.expression}}`

describe('role names from trust-policy file names', () => {
  it.each([
    ['iam/app-reader.json', 'app-reader'],
    ['iam/app-reader-trust.json', 'app-reader'],
    ['iam/app-reader-trust-policy.json', 'app-reader'],
    ['iam/app-reader.trust.json', 'app-reader'],
    ['iam/app-reader-trust-relationship.json', 'app-reader'],
    ['iam/app_reader_trust.json', 'app_reader'],
    ['iam/App.Reader@corp-Trust.json', 'App.Reader@corp'],
    ['iam/trust-policy.json', undefined],
    ['iam/trust.json', undefined],
    ['iam/policy.json', undefined],
    ['iam/irsa-trust.json', undefined],
    ['iam/assume-role-policy.json', undefined],
    ['iam/app-reader-policy.json', undefined],
    ['iam/-trust.json', undefined],
    ['iam/has space-trust.json', undefined],
    [`iam/${'r'.repeat(65)}.json`, undefined],
    ['iam/app-reader.yaml', undefined],
  ])('%s → %s', (path, expected) => {
    expect(roleNameFromFileName(path)).toBe(expected)
  })
})

describe('aws iam create-role commands', () => {
  it('reads options written with spaces, =, quotes and backslash continuations (also CRLF), and skips comments', () => {
    const commands = createRoleCommands(
      script(
        'deploy/roles.sh',
        [
          '# aws iam create-role --role-name commented --assume-role-policy-document file://x.json',
          'aws iam create-role \\',
          '    --role-name "app reader" \\',
          "    --path='/irsa/' \\",
          '    --assume-role-policy-document=file://trust.json --tags Key=a,Value=b; aws iam create-role --role-name second',
          'echo aws iam create-role # --role-name in-comment',
        ].join('\r\n'),
      ),
    )
    expect(
      commands.map(
        (command) =>
          `${show(command.roleName && { kind: 'known', value: command.roleName.text, location: command.roleName.location })} ${command.path?.text} ${command.policyDocument?.text}`,
      ),
    ).toEqual(['app reader@3:17 /irsa/ file://trust.json', 'second@5:107 undefined undefined', '- undefined undefined'])
  })

  it('binds a policy file relative to the script directory and to the repository root, substituting simple variables', () => {
    const bindings = createRoleCommandBindings([
      script(
        'deploy/roles.sh',
        [
          'ROLE=reader',
          'export DIR="policies"',
          'aws iam create-role --role-name "$ROLE" --assume-role-policy-document "file://$DIR/reader.json"',
          'aws iam create-role --role-name "${OTHER:-writer}" --assume-role-policy-document file://../outside/../policies/writer.json',
          'aws iam create-role --role-name "$UNKNOWN" --assume-role-policy-document file://policies/unknown.json',
          'aws iam create-role --role-name escaping --assume-role-policy-document file://../../etc/trust.json',
          'aws iam create-role --role-name absolute --assume-role-policy-document file:///home/ci/trust.json',
          'aws iam create-role --role-name inline --assume-role-policy-document \'{"Version":"2012-10-17"}\'',
        ].join('\n'),
      ),
      script(
        'Makefile',
        'NAME ?= maker\n\nroles:\n\t$(AWS) iam create-role --role-name $(NAME) --assume-role-policy-document file://$(CURDIR)/iam/maker.json\n',
      ),
    ])
    expect(
      Object.fromEntries(
        [...bindings].map(([path, list]) => [path, list.map((binding) => `${binding.via} ${show(binding.name)}`)]),
      ),
    ).toEqual({
      'deploy/policies/reader.json': ['script reader@3:33'],
      'policies/reader.json': ['script reader@3:33'],
      'policies/writer.json': ['script writer@4:33'],
      'iam/maker.json': ['script maker@4:37'],
    })
  })

  it('takes the config first, then scripts, then the file name', () => {
    const files = [
      script(
        'roles.sh',
        'aws iam create-role --role-name from-script --assume-role-policy-document file://iam/app-trust.json',
      ),
    ]
    const config = { roles: [{ file: 'iam/configured-trust.json', name: 'from-config' }] }
    const binder = new RoleBinder(config, files)
    expect(binder.bind('iam/configured-trust.json').map((binding) => `${binding.via} ${show(binding.name)}`)).toEqual([
      'config from-config@1:1',
    ])
    expect(binder.bind('iam/app-trust.json').map((binding) => `${binding.via} ${show(binding.name)}`)).toEqual([
      'script from-script@1:33',
    ])
    expect(binder.bind('iam/other-trust.json').map((binding) => `${binding.via} ${show(binding.name)}`)).toEqual([
      'file-name other@1:1',
    ])
    expect(binder.bind('iam/trust-policy.json')).toEqual([])
  })
})

describe('iamJsonSource.read', () => {
  it('never throws on bad input: odd shapes and broken JSON become findings or nothing', () => {
    const files: SourceFile[] = [
      { path: 'a.json', kind: 'iam-json', text: '' },
      { path: 'b.json', kind: 'iam-json', text: '[{"Statement": []}]' },
      { path: 'c.json', kind: 'iam-json', text: '{"Role": {"AssumeRolePolicyDocument": 42}}' },
      {
        path: 'd.json',
        kind: 'iam-json',
        text: '{"Role": {"RoleName": "x", "AssumeRolePolicyDocument": "{not json"}}',
      },
      {
        path: 'e.json',
        kind: 'iam-json',
        text: '{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Fn::Sub": "${Doc}"}}}}}',
      },
      { path: 'f.json', kind: 'iam-json', text: '{"Statement": "Allow", "Principal": 1}' },
      { path: 'g.json', kind: 'iam-json', text: '['.repeat(300) + ']'.repeat(300) },
    ]
    const result = iamJsonSource.read(files, sourceContext({ config: defaultConfig(), files }))
    expect(
      result.findings.map(
        (finding) =>
          `${finding.location.path}:${finding.location.line}:${finding.location.column} ${finding.ruleId} ${finding.message}`,
      ),
    ).toEqual([
      'a.json:1:1 parse-error Cannot parse a.json as JSON: the file holds no JSON value',
      'c.json:1:39 trust-policy-invalid The AssumeRolePolicyDocument of c.json cannot be read: it is the number 42, not a policy object or a JSON string; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"',
      'd.json:1:56 trust-policy-invalid The AssumeRolePolicyDocument of d.json cannot be read: the JSON in the string is invalid: expected a property name in double quotes, found character "n"; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"',
      'g.json:1:202 parse-error Cannot parse g.json as JSON: nesting deeper than 200 levels',
    ])
    expect(result.facts.roles?.map((role) => `${role.label} trust=${role.trustPolicy ? 'yes' : 'no'}`)).toEqual([
      'role c (c.json) trust=no',
      'role x (d.json) trust=no',
      'CloudFormation role R (e.json) trust=no',
    ])
  })
})
