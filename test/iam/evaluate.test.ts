import { evaluatePolicy, type ConditionMismatch, type Decision } from '../../src/iam/evaluate.js'
import type { PolicyRequest } from '../../src/iam/request.js'
import { concat, hole } from '../../src/iam/template.js'
import { buildPolicy, type PlainPolicy, type PlainStatement } from './build-policy.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`
const OTHER_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF'
const OTHER_PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${OTHER_ISSUER}`

/** A pod's web-identity request: its token's sub and aud under the issuer's keys. */
function token(
  sub: PolicyRequest['context'][number]['values'][number],
  options: { aud?: string; issuer?: string; provider?: string; action?: string } = {},
): PolicyRequest {
  const issuer = options.issuer ?? ISSUER
  return {
    action: options.action ?? 'sts:AssumeRoleWithWebIdentity',
    principal: { type: 'Federated', id: options.provider ?? PROVIDER },
    context: [
      { key: `${issuer}:sub`, values: [sub] },
      { key: `${issuer}:aud`, values: [options.aud ?? 'sts.amazonaws.com'] },
    ],
    subject: 'the token',
  }
}

function trust(...statements: PlainStatement[]): PlainPolicy {
  return { Version: '2012-10-17', Statement: statements }
}

/** The statement the EKS user guide shows for IRSA. */
function irsaStatement(condition: PlainStatement['Condition'], provider = PROVIDER): PlainStatement {
  return {
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  }
}

function decide(policy: PlainPolicy, request: PolicyRequest): Decision {
  return evaluatePolicy(buildPolicy(policy), request)
}

function conditionMismatches(decision: Decision): ConditionMismatch[] {
  return decision.statements.flatMap((outcome) =>
    outcome.mismatches.filter((mismatch): mismatch is ConditionMismatch => mismatch.element === 'Condition'),
  )
}

describe('the EKS user guide trust policy', () => {
  const policy = trust(
    irsaStatement({
      StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app', [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
    }),
  )

  it('accepts the token of the named ServiceAccount', () => {
    const decision = decide(policy, token('system:serviceaccount:prod:app'))
    expect(decision.effect).toBe('allow')
    expect(decision.allowedBy.map((outcome) => outcome.label)).toEqual(['Statement[0]'])
    expect(decision.summary).toBe('allowed by Statement[0]')
  })

  it('refuses another ServiceAccount and says which condition fails, with what', () => {
    const document = buildPolicy(policy)
    const decision = evaluatePolicy(document, token('system:serviceaccount:default:app'))
    expect(decision.effect).toBe('deny')
    expect(decision.explicitDeny).toBe(false)
    const [mismatch] = conditionMismatches(decision)
    const entry = document.statements[0]!.condition!.entries[0]!
    expect(mismatch).toEqual({
      element: 'Condition',
      result: false,
      location: entry.valuesLocation,
      message: `StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has "system:serviceaccount:default:app"`,
      entry,
      operator: 'StringEquals',
      key: entry.key,
      policyValues: entry.values,
      requestValues: ['system:serviceaccount:default:app'],
    })
    expect(decision.summary).toBe(
      `no statement allows it (Statement[0]: StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has "system:serviceaccount:default:app")`,
    )
  })

  it('reports every failing condition, not only the first', () => {
    const decision = decide(policy, token('system:serviceaccount:default:app', { aud: 'sts.amazon.com' }))
    expect(conditionMismatches(decision).map((mismatch) => mismatch.message)).toEqual([
      `StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has "system:serviceaccount:default:app"`,
      `StringEquals on ${ISSUER}:aud expects "sts.amazonaws.com" but the token has "sts.amazon.com"`,
    ])
  })
})

describe('condition values', () => {
  it('ORs the values of one key: a role shared by several ServiceAccounts', () => {
    const policy = trust(
      irsaStatement({
        StringEquals: { [`${ISSUER}:sub`]: ['system:serviceaccount:prod:app', 'system:serviceaccount:prod:worker'] },
      }),
    )
    expect(decide(policy, token('system:serviceaccount:prod:worker')).effect).toBe('allow')
    const denied = decide(policy, token('system:serviceaccount:prod:web'))
    expect(denied.effect).toBe('deny')
    expect(conditionMismatches(denied)[0]!.message).toBe(
      `StringEquals on ${ISSUER}:sub expects one of "system:serviceaccount:prod:app", "system:serviceaccount:prod:worker" but the token has "system:serviceaccount:prod:web"`,
    )
  })

  it('StringLike globs with * and ?', () => {
    const policy = trust(
      irsaStatement({
        StringLike: { [`${ISSUER}:sub`]: ['system:serviceaccount:prod:*', 'system:serviceaccount:ci:runner-?'] },
      }),
    )
    expect(decide(policy, token('system:serviceaccount:prod:anything')).effect).toBe('allow')
    expect(decide(policy, token('system:serviceaccount:ci:runner-7')).effect).toBe('allow')
    expect(decide(policy, token('system:serviceaccount:ci:runner-17')).effect).toBe('deny')
    expect(decide(policy, token('system:serviceaccount:default:app')).effect).toBe('deny')
  })

  it('StringEquals takes * literally', () => {
    const policy = trust(irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:*' } }))
    expect(decide(policy, token('system:serviceaccount:prod:app')).effect).toBe('deny')
  })

  it('matches key names case-insensitively and values case-sensitively', () => {
    const upperKey = trust(
      irsaStatement({ StringEquals: { [`${ISSUER.toUpperCase()}:SUB`]: 'system:serviceaccount:prod:app' } }),
    )
    expect(decide(upperKey, token('system:serviceaccount:prod:app')).effect).toBe('allow')
    const upperValue = trust(irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:Prod:app' } }))
    expect(decide(upperValue, token('system:serviceaccount:prod:app')).effect).toBe('deny')
    const ignoreCase = trust(
      irsaStatement({ StringEqualsIgnoreCase: { [`${ISSUER}:sub`]: 'system:serviceaccount:Prod:app' } }),
    )
    expect(decide(ignoreCase, token('system:serviceaccount:prod:app')).effect).toBe('allow')
  })

  it('a key under another issuer is absent: positive operators fail, negated ones hold', () => {
    const positive = trust(
      irsaStatement({ StringEquals: { [`${OTHER_ISSUER}:sub`]: 'system:serviceaccount:prod:app' } }),
    )
    const denied = decide(positive, token('system:serviceaccount:prod:app'))
    expect(denied.effect).toBe('deny')
    expect(conditionMismatches(denied)[0]!.message).toBe(
      `StringEquals on ${OTHER_ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has no such key`,
    )
    const negated = trust(
      irsaStatement({ StringNotEquals: { [`${OTHER_ISSUER}:sub`]: 'system:serviceaccount:kube-system:admin' } }),
    )
    expect(decide(negated, token('system:serviceaccount:anything:at-all')).effect).toBe('allow')
  })

  it('…IfExists holds when the key is absent and tests it when present', () => {
    const policy = trust(
      irsaStatement({
        StringEqualsIfExists: {
          [`${ISSUER}:amr`]: 'authenticated',
          [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app',
        },
      }),
    )
    expect(decide(policy, token('system:serviceaccount:prod:app')).effect).toBe('allow')
    expect(decide(policy, token('system:serviceaccount:dev:app')).effect).toBe('deny')
  })

  it('ForAllValues holds when the key is absent; ForAnyValue does not', () => {
    const forAll = trust(irsaStatement({ 'ForAllValues:StringEquals': { [`${ISSUER}:amr`]: 'authenticated' } }))
    expect(decide(forAll, token('system:serviceaccount:any:one')).effect).toBe('allow')
    const forAny = trust(irsaStatement({ 'ForAnyValue:StringEquals': { [`${ISSUER}:amr`]: 'authenticated' } }))
    expect(decide(forAny, token('system:serviceaccount:any:one')).effect).toBe('deny')
  })

  it('ForAllValues and ForAnyValue over a multivalued key', () => {
    const request = (tags: string[]): PolicyRequest => ({
      ...token('x'),
      context: [{ key: 'aws:TagKeys', values: tags }],
    })
    const forAll = trust(irsaStatement({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'env*'] } }))
    expect(decide(forAll, request(['team', 'environment'])).effect).toBe('allow')
    expect(decide(forAll, request(['team', 'owner'])).effect).toBe('deny')
    const forAny = trust(irsaStatement({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'owner' } }))
    expect(decide(forAny, request(['team', 'owner'])).effect).toBe('allow')
    expect(decide(forAny, request(['team'])).effect).toBe('deny')
  })

  it('Null tests whether the key is present', () => {
    const present = trust(irsaStatement({ Null: { [`${ISSUER}:sub`]: 'false' } }))
    expect(decide(present, token('system:serviceaccount:prod:app')).effect).toBe('allow')
    const absent = trust(irsaStatement({ Null: { [`${ISSUER}:sub`]: 'true' } }))
    const denied = decide(absent, token('system:serviceaccount:prod:app'))
    expect(denied.effect).toBe('deny')
    expect(conditionMismatches(denied)[0]!.message).toBe(
      `Null on ${ISSUER}:sub expects the key to be absent but the token has it`,
    )
  })

  it('Bool, Numeric, Date and Arn operators', () => {
    const request: PolicyRequest = {
      action: 'sts:AssumeRole',
      principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/ci' },
      context: [
        { key: 'aws:SecureTransport', values: ['true'] },
        { key: 'aws:MultiFactorAuthAge', values: ['300'] },
        { key: 'aws:CurrentTime', values: ['2025-06-01T00:00:00Z'] },
        { key: 'aws:SourceArn', values: ['arn:aws:eks:us-east-1:111122223333:cluster/prod'] },
      ],
    }
    const allowedWhen = (condition: PlainStatement['Condition']) =>
      decide(
        trust({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: condition }),
        request,
      ).effect
    expect(allowedWhen({ Bool: { 'aws:SecureTransport': 'true' } })).toBe('allow')
    expect(allowedWhen({ Bool: { 'aws:SecureTransport': 'false' } })).toBe('deny')
    expect(allowedWhen({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } })).toBe('allow')
    expect(allowedWhen({ NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } })).toBe('deny')
    expect(allowedWhen({ DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } })).toBe('allow')
    expect(allowedWhen({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } })).toBe('deny')
    expect(allowedWhen({ ArnLike: { 'aws:SourceArn': 'arn:aws:eks:*:111122223333:cluster/*' } })).toBe('allow')
    expect(allowedWhen({ ArnEquals: { 'aws:SourceArn': 'arn:aws:eks:*:cluster/prod' } })).toBe('deny')
    expect(allowedWhen({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:eks:*:*:cluster/dev' } })).toBe('allow')
    expect(allowedWhen({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe('deny')
  })
})

describe('statements, principals and actions', () => {
  it('one statement per cluster: each cluster’s tokens are accepted by its own statement', () => {
    const policy = trust(
      irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app' } }),
      irsaStatement({ StringEquals: { [`${OTHER_ISSUER}:sub`]: 'system:serviceaccount:prod:app' } }, OTHER_PROVIDER),
    )
    const decision = decide(
      policy,
      token('system:serviceaccount:prod:app', { issuer: OTHER_ISSUER, provider: OTHER_PROVIDER }),
    )
    expect(decision.effect).toBe('allow')
    expect(decision.allowedBy.map((outcome) => outcome.statement.index)).toEqual([1])
    expect(decision.statements[0]!.mismatches.map((mismatch) => mismatch.message)).toEqual([
      `the Principal does not name Federated "${OTHER_PROVIDER}"`,
      `StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has no such key`,
    ])
  })

  it.each([
    ['aws-cn', 'oidc.eks.cn-north-1.amazonaws.com.cn/id/0123456789ABCDEF0123456789ABCDEF'],
    ['aws-us-gov', 'oidc.eks.us-gov-west-1.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210'],
  ])('providers in the %s partition', (partition, issuer) => {
    const provider = `arn:${partition}:iam::111122223333:oidc-provider/${issuer}`
    const policy = trust(
      irsaStatement({ StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:prod:app' } }, provider),
    )
    expect(decide(policy, token('system:serviceaccount:prod:app', { issuer, provider })).effect).toBe('allow')
    expect(decide(policy, token('system:serviceaccount:prod:app', { issuer })).effect).toBe('deny')
  })

  it('an applicable Deny wins over any Allow', () => {
    const policy = trust(irsaStatement({ StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:*' } }), {
      Sid: 'NoDebug',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:debug' } },
    })
    expect(decide(policy, token('system:serviceaccount:prod:app')).effect).toBe('allow')
    const decision = decide(policy, token('system:serviceaccount:prod:debug'))
    expect(decision).toMatchObject({
      effect: 'deny',
      explicitDeny: true,
      summary: 'explicitly denied by statement "NoDebug"',
    })
    expect(decision.deniedBy.map((outcome) => outcome.label)).toEqual(['statement "NoDebug"'])
  })

  it('NotPrincipal applies to every principal but the ones it names', () => {
    const policy = trust(irsaStatement({}), { Effect: 'Deny', NotPrincipal: { Federated: PROVIDER }, Action: '*' })
    expect(decide(policy, token('system:serviceaccount:prod:app')).effect).toBe('allow')
    const other = decide(policy, token('system:serviceaccount:prod:app', { provider: OTHER_PROVIDER }))
    expect(other).toMatchObject({ effect: 'deny', explicitDeny: true })
  })

  it('"*" and {"AWS": "*"} name every principal; an account names its roles', () => {
    const role: PolicyRequest = {
      action: 'sts:AssumeRole',
      principal: { type: 'AWS', id: 'arn:aws:iam::111122223333:role/a' },
      context: [],
    }
    const allow = (principal: PlainStatement['Principal']) =>
      decide(trust({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }), role).effect
    expect(allow('*')).toBe('allow')
    expect(allow({ AWS: '*' })).toBe('allow')
    expect(allow({ AWS: 'arn:aws:iam::111122223333:root' })).toBe('allow')
    expect(allow({ AWS: '111122223333' })).toBe('allow')
    expect(allow({ AWS: 'arn:aws:iam::444455556666:root' })).toBe('deny')
    expect(allow({ AWS: 'arn:aws:iam::111122223333:role/b' })).toBe('deny')
    expect(allow({ Service: 'pods.eks.amazonaws.com' })).toBe('deny')
  })

  it('actions compare case-insensitively with wildcards; NotAction excludes', () => {
    const allow = (action: Partial<PlainStatement>) =>
      decide(
        trust({ Effect: 'Allow', Principal: { Federated: PROVIDER }, ...action }),
        token('system:serviceaccount:prod:app'),
      )
    expect(allow({ Action: 'STS:assumerolewithwebidentity' }).effect).toBe('allow')
    expect(allow({ Action: 'sts:AssumeRole*' }).effect).toBe('allow')
    expect(allow({ NotAction: 'sts:AssumeRole' }).effect).toBe('allow')
    const wrong = allow({ Action: ['sts:AssumeRole', 'sts:TagSession'] })
    expect(wrong.effect).toBe('deny')
    expect(wrong.statements[0]!.mismatches[0]!.message).toBe(
      'the Action sts:AssumeRole, sts:TagSession does not include sts:AssumeRoleWithWebIdentity',
    )
  })

  it('reordering statements does not change the decision', () => {
    const allow = irsaStatement({ StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:*:*' } })
    const deny: PlainStatement = {
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Condition: { StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:kube-system:*' } },
    }
    const request = token('system:serviceaccount:kube-system:x')
    expect(decide(trust(allow, deny), request).effect).toBe('deny')
    expect(decide(trust(deny, allow), request).effect).toBe('deny')
  })
})

describe('policies IAM would reject', () => {
  it.each<[string, PlainPolicy, string]>([
    [
      'a mis-cased operator',
      trust(irsaStatement({ stringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app' } })),
      '"stringEquals" is not a condition operator (operator names are case-sensitive)',
    ],
    [
      'an unknown operator',
      trust(irsaStatement({ StringEqualsAnyCase: { [`${ISSUER}:sub`]: 'x' } })),
      '"StringEqualsAnyCase" is not a condition operator (operator names are case-sensitive)',
    ],
    [
      'NullIfExists',
      trust(irsaStatement({ NullIfExists: { [`${ISSUER}:sub`]: 'false' } })),
      '"NullIfExists" is not a condition operator (operator names are case-sensitive)',
    ],
    [
      'a Resource',
      trust({ ...irsaStatement({}), Resource: '*' }),
      'Statement[0] has Resource, which a trust policy may not have',
    ],
    [
      'a lower-case Effect',
      trust({ ...irsaStatement({}), Effect: 'allow' }),
      'Statement[0] has Effect "allow"; it must be "Allow" or "Deny"',
    ],
    [
      'no Principal',
      trust({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }),
      'Statement[0] has no Principal',
    ],
    [
      'a mistyped principal type',
      trust({ Effect: 'Allow', Principal: { Federeated: PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' }),
      '"Federeated" is not a principal type (AWS, Federated, Service, CanonicalUser)',
    ],
    [
      'an unknown Version',
      { Version: '2012-10-18', Statement: irsaStatement({}) },
      'Version "2012-10-18" is neither 2012-10-17 nor 2008-10-17',
    ],
  ])('%s: the decision is unknown, with the reason', (_, policy, reason) => {
    const decision = decide(policy, token('system:serviceaccount:prod:app'))
    expect(decision.effect).toBe('unknown')
    expect(decision.invalid.map((problem) => problem.message)).toEqual([reason])
    expect(decision.summary).toBe(`IAM would reject this policy: ${reason}`)
  })
})

describe('values known only at apply time', () => {
  it('a condition key from a Terraform output: unknown against a literal issuer, never a denial', () => {
    const policy = trust(
      irsaStatement({ StringEquals: { '${module.eks.oidc_provider}:sub': 'system:serviceaccount:prod:app' } }),
    )
    const decision = decide(policy, token('system:serviceaccount:default:app'))
    expect(decision.effect).toBe('unknown')
    expect(conditionMismatches(decision)[0]!.message).toBe(
      'StringEquals on ${module.eks.oidc_provider}:sub cannot be decided: whether the token has this key is not known',
    )
  })

  it('the same reference on both sides is the same value', () => {
    const policy = trust(
      irsaStatement(
        { StringEquals: { '${module.eks.oidc_provider}:sub': 'system:serviceaccount:prod:app' } },
        '${module.eks.oidc_provider_arn}',
      ),
    )
    const request = (sub: string): PolicyRequest => ({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { type: 'Federated', id: hole('module.eks.oidc_provider_arn') },
      context: [{ key: concat(hole('module.eks.oidc_provider'), ':sub'), values: [sub] }],
    })
    expect(decide(policy, request('system:serviceaccount:prod:app')).effect).toBe('allow')
    expect(decide(policy, request('system:serviceaccount:dev:app')).effect).toBe('deny')
  })

  it('an unknown namespace in the token: a sub that no namespace can produce is a definite mismatch', () => {
    const sub = concat('system:serviceaccount:', hole('var.namespace'), ':app')
    const equals = (value: string) =>
      decide(trust(irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: value } })), token(sub))
    expect(equals('system:serviceaccount:prod:web').effect).toBe('deny')
    expect(conditionMismatches(equals('system:serviceaccount:prod:web'))[0]!.message).toBe(
      `StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:web" but the token has "system:serviceaccount:\${var.namespace}:app"`,
    )
    expect(equals('system:serviceaccount:prod:app').effect).toBe('unknown')
    const like = (value: string) =>
      decide(trust(irsaStatement({ StringLike: { [`${ISSUER}:sub`]: value } })), token(sub)).effect
    expect(like('system:serviceaccount:*:app')).toBe('allow')
    expect(like('system:serviceaccount:prod:*')).toBe('unknown')
    expect(like('system:serviceaccount:*:web')).toBe('deny')
  })

  it('an unknown value in the policy decides only what no value could change', () => {
    const policy = trust(
      irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:${var.namespace}:app' } }),
    )
    expect(decide(policy, token('system:serviceaccount:prod:app')).effect).toBe('unknown')
    expect(decide(policy, token('system:serviceaccount:prod:web')).effect).toBe('deny')
  })

  it('an unknown Deny makes an Allow unknown; it cannot make a denial unknown', () => {
    const allow = irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app' } })
    const deny: PlainStatement = {
      Effect: 'Deny',
      Principal: '*',
      Action: '*',
      Condition: { StringEquals: { [`${ISSUER}:sub`]: '${var.blocked}' } },
    }
    expect(decide(trust(allow, deny), token('system:serviceaccount:prod:app')).effect).toBe('unknown')
    expect(decide(trust(allow, deny), token('system:serviceaccount:dev:app')).effect).toBe('deny')
  })

  it('statements or conditions given as references make the decision unknown unless a Deny applies', () => {
    const document = buildPolicy(
      trust(irsaStatement({ StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app' } })),
    )
    const reference = { kind: 'symbolic' as const, expression: 'var.extra_statements', location: document.location }
    expect(
      evaluatePolicy({ ...document, symbolicStatements: [reference] }, token('system:serviceaccount:prod:app')).effect,
    ).toBe('unknown')
    const denying = buildPolicy(trust({ Effect: 'Deny', Principal: '*', Action: '*' }))
    expect(
      evaluatePolicy({ ...denying, symbolicStatements: [reference] }, token('system:serviceaccount:prod:app')).effect,
    ).toBe('deny')
    const withConditions = {
      ...document,
      statements: [{ ...document.statements[0]!, symbolicConditions: [reference] }],
    }
    const decision = evaluatePolicy(withConditions, token('system:serviceaccount:prod:app'))
    expect(decision.effect).toBe('unknown')
    expect(decision.statements[0]!.mismatches.map((mismatch) => mismatch.message)).toEqual([
      'conditions "${var.extra_statements}" are known only at apply time',
    ])
  })

  it('an operator given as a reference is unknown, not invalid', () => {
    const document = buildPolicy(
      trust(irsaStatement({ 'var.condition_test': { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:app' } })),
    )
    const entry = document.statements[0]!.condition!.entries[0]!
    entry.operatorReference = { kind: 'symbolic', expression: 'var.condition_test', location: entry.operatorLocation }
    const decision = evaluatePolicy(document, token('system:serviceaccount:prod:app'))
    expect(decision).toMatchObject({ effect: 'unknown', invalid: [] })
  })
})
