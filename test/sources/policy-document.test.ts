import fc from 'fast-check'
import type { Location } from '../../src/model/location.js'
import type { ObjectEntry, TreeNode } from '../../src/model/tree.js'
import { known, symbolic, type Value } from '../../src/model/value.js'
import { parseJsonTree } from '../../src/sources/shared/json-tree.js'
import { minifiedLength, readPolicyDocument } from '../../src/sources/shared/policy-document.js'

const FILE = 'trust.json'

function tree(text: string): TreeNode {
  const parsed = parseJsonTree(FILE, text)
  if (!parsed.ok) throw new Error(`fixture JSON invalid: ${parsed.message}`)
  return parsed.root
}

function read(text: string) {
  return readPolicyDocument(tree(text), FILE)
}

const at = (location: Location | undefined): string => (location ? `${location.line}:${location.column}` : '-')
const show = (value: Value | undefined): string =>
  value === undefined
    ? '-'
    : value.kind === 'known'
      ? `${value.value}@${at(value.location)}`
      : `\${${value.expression}}`
const findingLines = (findings: { location: Location; message: string; ruleId: string }[]): string[] =>
  findings.map((finding) => `${at(finding.location)} ${finding.ruleId}: ${finding.message}`)

describe('readPolicyDocument on JSON', () => {
  it('accepts a single statement object, string or array Action and Principal values, and scalar condition values as text', () => {
    const { document, findings } = read(`{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Principal": { "Federated": ["arn:aws:iam::210987654321:oidc-provider/a", "arn:aws:iam::210987654321:oidc-provider/b"], "AWS": "*" },
    "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
    "Condition": {
      "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 },
      "Bool": { "aws:SecureTransport": true },
      "Null": { "a:sub": "false" }
    }
  }
}`)
    expect(findings).toEqual([])
    expect(document.hasStatement).toBe(true)
    const statement = document.statements[0]!
    expect(document.statements).toHaveLength(1)
    expect(statement.index).toBe(0)
    expect(at(statement.location)).toBe('3:16')
    expect(
      statement.principal!.entries.map(
        (entry) => `${entry.type}@${at(entry.typeLocation)}=${entry.values.map(show).join(',')}`,
      ),
    ).toEqual([
      'Federated@5:20=arn:aws:iam::210987654321:oidc-provider/a@5:34,arn:aws:iam::210987654321:oidc-provider/b@5:79',
      'AWS@5:125=*@5:132',
    ])
    expect(statement.action!.values.map(show)).toEqual(['sts:AssumeRoleWithWebIdentity@6:16', 'sts:TagSession@6:49'])
    expect(
      statement.condition!.entries.map(
        (entry) =>
          `${entry.operator} ${show(entry.key)} ${entry.values.map(show).join(',')} ${at(entry.valuesLocation)}`,
      ),
    ).toEqual([
      'NumericLessThan aws:MultiFactorAuthAge@8:28 3600@8:54 8:54',
      'Bool aws:SecureTransport@9:17 true@9:40 9:40',
      'Null a:sub@10:17 false@10:26 10:26',
    ])
  })

  it('exposes what the grammar rule checks: no Statement, unknown keys, Resource, operators and Version as written', () => {
    const missing = read('{"Version": "2012-10-17"}').document
    expect([missing.hasStatement, missing.statementLocation, missing.statements]).toEqual([false, undefined, []])
    const scalarStatement = read('{"Statement": "Allow"}').document
    expect([scalarStatement.hasStatement, at(scalarStatement.statementLocation)]).toEqual([false, '1:2'])

    const { document, findings } = read(`{
  "Version": "2012-10-18",
  "Id": "x",
  "statement": [],
  "Statement": [{
    "effect": "Allow",
    "Principal": "arn:aws:iam::210987654321:root",
    "NotAction": "iam:*",
    "NotResource": "*",
    "Resource": "*",
    "Condition": { "stringEquals": { "k": "v" }, "ForAllValues:StringLikeIfExists": { "k2": ["a", "b"] } }
  }]
}`)
    expect(findings).toEqual([])
    expect(show(document.version)).toBe('2012-10-18@2:14')
    expect(document.unknownKeys).toEqual([{ key: 'statement', location: { path: FILE, line: 4, column: 3 } }])
    const statement = document.statements[0]!
    expect(statement.effect).toBeUndefined()
    expect(statement.unknownKeys.map((key) => `${key.key}@${at(key.location)}`)).toEqual(['effect@6:5'])
    expect(show(statement.principal!.wildcard)).toBe('arn:aws:iam::210987654321:root@7:18')
    expect(statement.action).toBeUndefined()
    expect(statement.notAction!.values.map(show)).toEqual(['iam:*@8:18'])
    expect(statement.resource).toEqual({ key: 'NotResource', location: { path: FILE, line: 9, column: 5 } })
    expect(
      statement.condition!.entries.map((entry) => `${entry.operator}@${at(entry.operatorLocation)} ${show(entry.key)}`),
    ).toEqual(['stringEquals@11:20 k@11:38', 'ForAllValues:StringLikeIfExists@11:50 k2@11:87'])
  })

  it('reports shapes IAM never accepts, and shows scalar fields written as objects as their JSON text', () => {
    const { document, findings } = read(`{
  "Version": 2012,
  "Statement": [
    "Allow",
    [],
    {
      "Effect": {"Allow": true},
      "Principal": ["*"],
      "Action": {"sts": "AssumeRole"},
      "Condition": {
        "StringEquals": ["a"],
        "StringLike": { "k:sub": [["nested"], {"o": 1}, "ok"] }
      }
    },
    { "Effect": "Allow", "Principal": { "Federated": { "arn": "x" } }, "Action": "sts:*", "Condition": "none" }
  ]
}`)
    expect(findingLines(findings)).toEqual([
      '4:5 trust-policy-invalid: Statement[0] in trust.json is the string "Allow"; each statement must be an object with Effect, Principal and Action',
      '5:5 trust-policy-invalid: Statement[1] in trust.json is an array; each statement must be an object with Effect, Principal and Action',
      '8:20 trust-policy-invalid: Statement[2].Principal in trust.json is an array; write "*" or an object such as {"Federated": "<provider ARN>"}',
      '9:17 trust-policy-invalid: Statement[2].Action in trust.json is an object; it must be a string or a list of strings',
      '11:25 trust-policy-invalid: Statement[2].Condition.StringEquals in trust.json is an array; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"}',
      '12:35 trust-policy-invalid: Statement[2].Condition.StringLike["k:sub"][0] in trust.json is an array; it must be a string',
      '12:47 trust-policy-invalid: Statement[2].Condition.StringLike["k:sub"][1] in trust.json is an object; it must be a string',
      '15:54 trust-policy-invalid: Statement[3].Principal.Federated in trust.json is an object; it must be a string or a list of strings',
      '15:104 trust-policy-invalid: Statement[3].Condition in trust.json is the string "none"; it must be an object of operators such as {"StringEquals": {...}}',
    ])
    expect(show(document.version)).toBe('2012@2:14')
    expect(document.statements.map((statement) => statement.index)).toEqual([2, 3])
    const [broken, second] = document.statements
    expect(show(broken!.effect)).toBe('{"Allow":true}@7:17')
    expect(broken!.principal).toEqual({ location: { path: FILE, line: 8, column: 7 }, entries: [] })
    expect(broken!.action).toEqual({ location: { path: FILE, line: 9, column: 7 }, values: [] })
    expect(broken!.condition!.entries.map((entry) => `${entry.operator} ${entry.values.map(show).join()}`)).toEqual([
      'StringLike ok@12:57',
    ])
    expect(second!.principal!.entries).toEqual([
      { type: 'Federated', typeLocation: { path: FILE, line: 15, column: 41 }, values: [] },
    ])
    expect(second!.condition).toEqual({ location: { path: FILE, line: 15, column: 91 }, entries: [] })
  })

  it('reports a duplicate key at any depth on the repeated key; in source order; single fields take the last, condition entries keep both', () => {
    const { document, findings } = read(`{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Effect": "Allow",
    "Principal": { "Federated": "a", "Federated": "b" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": { "StringEquals": { "i:sub": "system:serviceaccount:a:b", "i:sub": "system:serviceaccount:c:d" } },
    "Metadata": { "x": 1, "x": 2 }
  }],
  "Version": "2012-10-17"
}`)
    expect(findingLines(findings)).toEqual([
      '5:5 trust-policy-invalid: Duplicate key "Effect" in Statement[0] of trust.json (first at trust.json:4): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate',
      '6:38 trust-policy-invalid: Duplicate key "Federated" in Statement[0].Principal of trust.json (first at trust.json:6): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate',
      '8:76 trust-policy-invalid: Duplicate key "i:sub" in Statement[0].Condition.StringEquals of trust.json (first at trust.json:8): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate',
      '9:27 trust-policy-invalid: Duplicate key "x" in Statement[0].Metadata of trust.json (first at trust.json:9): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate',
      '11:3 trust-policy-invalid: Duplicate key "Version" in the top level of trust.json (first at trust.json:2): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate',
    ])
    expect(findings[0]!.related).toEqual([{ location: { path: FILE, line: 4, column: 5 }, message: 'first "Effect"' }])
    expect(new Set(findings.map((finding) => finding.key)).size).toBe(5)
    const statement = document.statements[0]!
    expect(show(statement.effect)).toBe('Allow@5:15')
    expect(show(document.version)).toBe('2012-10-17@11:14')
    expect(statement.principal!.entries.map((entry) => entry.values.map(show).join())).toEqual(['a@6:33', 'b@6:51'])
    expect(statement.condition!.entries.map((entry) => entry.values.map(show).join())).toEqual([
      'system:serviceaccount:a:b@8:47',
      'system:serviceaccount:c:d@8:85',
    ])
  })

  it('uses a rule id of the caller for its findings', () => {
    const { findings } = readPolicyDocument(tree('{"Statement": ["x"]}'), 'policy.json', { ruleId: 'parse-error' })
    expect(findings.map((finding) => finding.ruleId)).toEqual(['parse-error'])
  })
})

describe('readPolicyDocument on trees with symbolic values (Terraform, CloudFormation)', () => {
  const loc = (line: number, column = 1): Location => ({ path: 'main.tf', line, column })
  const ref = (expression: string, line: number): TreeNode => ({
    kind: 'scalar',
    location: loc(line),
    value: symbolic(expression, loc(line)),
    type: 'unknown',
  })
  const str = (text: string, line: number): TreeNode => ({
    kind: 'scalar',
    location: loc(line),
    value: known(text, loc(line)),
    type: 'string',
  })
  const obj = (line: number, ...entries: [string | Value, TreeNode][]): TreeNode => ({
    kind: 'object',
    location: loc(line),
    entries: entries.map(([key, value]): ObjectEntry => {
      if (typeof key === 'string') return { key, keyLocation: loc(line, 3), value }
      return {
        key: key.kind === 'known' ? key.value : `\${${key.expression}}`,
        keyLocation: key.location,
        keyValue: key,
        value,
      }
    }),
  })
  const arr = (line: number, ...items: TreeNode[]): TreeNode => ({ kind: 'array', location: loc(line), items })

  it('keeps references as symbolic values, symbolic keys and operators, and says which statements and conditions are unknown', () => {
    const root = obj(
      1,
      ['Version', str('2012-10-17', 2)],
      [
        'Statement',
        arr(
          3,
          obj(
            4,
            ['Effect', str('Allow', 5)],
            ['Principal', obj(6, ['Federated', ref('module.eks.oidc_provider_arn', 6)])],
            ['Action', str('sts:AssumeRoleWithWebIdentity', 7)],
            [
              'Condition',
              obj(
                8,
                [
                  'StringEquals',
                  obj(9, [
                    symbolic('"${module.eks.oidc_provider}:sub"', loc(10, 7)),
                    str('system:serviceaccount:prod:app', 10),
                  ]),
                ],
                [
                  symbolic('var.condition_test', loc(11, 5)),
                  obj(11, ['oidc.eks.x/id/Y:aud', arr(12, ref('var.audiences', 12))]),
                ],
                ['StringLike', ref('local.extra_conditions', 13)],
              ),
            ],
          ),
          ref('local.more_statements', 15),
        ),
      ],
    )
    const { document, findings } = readPolicyDocument(root, 'aws_iam_role.app')
    expect(findings).toEqual([])
    expect(document.minifiedLength).toBeUndefined()
    expect(document.symbolicStatements?.map(show)).toEqual(['${local.more_statements}'])
    const statement = document.statements[0]!
    expect(statement.principal!.entries[0]!.values.map(show)).toEqual(['${module.eks.oidc_provider_arn}'])
    expect(statement.symbolicConditions?.map(show)).toEqual(['${local.extra_conditions}'])
    expect(
      statement.condition!.entries.map(
        (entry) =>
          `${entry.operator}|${entry.operatorReference ? show(entry.operatorReference) : '-'}|${show(entry.key)}@${at(entry.keyLocation)}|${entry.values.map(show).join()}`,
      ),
    ).toEqual([
      'StringEquals|-|${"${module.eks.oidc_provider}:sub"}@10:7|system:serviceaccount:prod:app@10:1',
      '${var.condition_test}|${var.condition_test}|oidc.eks.x/id/Y:aud@11:3@11:3|${var.audiences}',
    ])
  })

  it('treats a whole symbolic document, Statement or Condition as unknown rather than missing', () => {
    const whole = readPolicyDocument(ref('data.aws_iam_policy_document.trust.json', 1), 'aws_iam_role.app').document
    expect([whole.hasStatement, whole.symbolicStatements?.map(show)]).toEqual([
      true,
      ['${data.aws_iam_policy_document.trust.json}'],
    ])
    const statements = readPolicyDocument(obj(1, ['Statement', ref('local.statements', 2)]), 'x').document
    expect([statements.hasStatement, statements.statements.length, statements.symbolicStatements?.map(show)]).toEqual([
      true,
      0,
      ['${local.statements}'],
    ])
    const condition = readPolicyDocument(obj(1, ['Statement', obj(2, ['Condition', ref('var.conditions', 3)])]), 'x')
      .document.statements[0]!
    expect([condition.condition?.entries, condition.symbolicConditions?.map(show)]).toEqual([[], ['${var.conditions}']])
  })
})

describe('minifiedLength', () => {
  it('equals the compact JSON length of any document, however it is indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        const root = tree(JSON.stringify(value, null, indent))
        expect(minifiedLength(root)).toBe(JSON.stringify(value).length)
      }),
    )
  })
})

describe('fuzz: never throws', () => {
  /** Policy-shaped values with arbitrary JSON in every slot, so the reader's deeper paths run. */
  const slot = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.array(fc.string(), { maxLength: 3 }))
  const statement = fc.dictionary(
    fc.constantFrom(
      'Sid',
      'Effect',
      'Principal',
      'NotPrincipal',
      'Action',
      'NotAction',
      'Resource',
      'Condition',
      'Other',
    ),
    slot,
  )
  const condition = fc.dictionary(
    fc.constantFrom('StringEquals', 'StringLike', 'Null', '__doc_comment'),
    fc.oneof(fc.dictionary(fc.string(), slot), slot),
  )
  const policyLike = fc.record(
    {
      Version: slot,
      Statement: fc.oneof(
        fc.array(
          fc.oneof(statement, fc.record({ Principal: fc.dictionary(fc.string(), slot), Condition: condition }), slot),
          { maxLength: 4 },
        ),
        statement,
        slot,
      ),
      Extra: slot,
    },
    { requiredKeys: [] },
  )

  /** Replaces some scalars by symbolic values, and some keys by symbolic keys, as HCL trees have them. */
  function symbolise(node: TreeNode, choices: boolean[], at = { index: 0 }): TreeNode {
    const next = (): boolean => choices[at.index++ % Math.max(choices.length, 1)] ?? false
    if (node.kind === 'scalar')
      return next() ? { ...node, value: symbolic(`var.x${at.index}`, node.location), type: 'unknown' } : node
    if (node.kind === 'array') return { ...node, items: node.items.map((item) => symbolise(item, choices, at)) }
    return {
      ...node,
      entries: node.entries.map((entry) => ({
        ...entry,
        ...(next() ? { keyValue: symbolic(`local.k${at.index}`, entry.keyLocation) } : {}),
        value: symbolise(entry.value, choices, at),
      })),
    }
  }

  it('readPolicyDocument accepts any JSON value and any policy-shaped value, also with symbolic parts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), policyLike), fc.array(fc.boolean(), { maxLength: 20 }), (value, choices) => {
        const root = tree(JSON.stringify(value))
        for (const input of [root, symbolise(root, choices)]) {
          const { document, findings } = readPolicyDocument(input, 'fuzz.json')
          expect(document.origin).toBe('fuzz.json')
          for (const finding of findings) expect(finding.location.line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('parseJsonTree never throws and agrees with JSON.parse on what is valid JSON', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', ' ', '/', 'x', '\n', '0'))
      .map(([text, position, insert]) => {
        const at = position % (text.length + 1)
        return text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 : 0))
      })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string(), fc.json()), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        const parsed = parseJsonTree(FILE, text)
        expect(parsed.ok).toBe(valid)
        if (!parsed.ok) expect(parsed.location.line).toBeGreaterThanOrEqual(1)
      }),
      { numRuns: 2000 },
    )
  })
})
