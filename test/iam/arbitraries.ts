import fc from 'fast-check'
import type { PolicyRequest } from '../../src/iam/request.js'
import type { PlainPolicy, PlainStatement, PlainValue } from './build-policy.js'
import type { PlainRequest } from './reference-evaluator.js'

/**
 * Realistic trust policies and web-identity requests: Federated OIDC principals of clusters in
 * three partitions, `:sub`/`:aud` keys in mixed case, every condition operator family the
 * evaluator decides, wildcards, Deny and NotPrincipal statements. Policies are drawn near the
 * request (its sub, audience and provider are likely values), so allows and denies both occur.
 */
export const ISSUERS = [
  'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
  'oidc.eks.cn-north-1.amazonaws.com.cn/id/0123456789ABCDEF0123456789ABCDEF',
  'oidc.eks.us-gov-west-1.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210',
]
export const NAMESPACES = ['default', 'prod', 'kube-system', 'Prod']
export const NAMES = ['app', 'web', 'app-2', 'App']
export const AUDIENCES = ['sts.amazonaws.com', 'sts.amazon.com', 'my-audience']
const ROLE_ARN = 'arn:aws:iam::111122223333:role/app'

export function providerArn(issuer: string): string {
  const partition = issuer.includes('.cn/') ? 'aws-cn' : issuer.includes('us-gov') ? 'aws-us-gov' : 'aws'
  return `arn:${partition}:iam::111122223333:oidc-provider/${issuer}`
}

export function subjectOf(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`
}

export interface Scenario {
  policy: PlainPolicy
  request: PlainRequest
}

const issuer = fc.constantFrom(...ISSUERS)
const namespace = fc.constantFrom(...NAMESPACES)
const name = fc.constantFrom(...NAMES)

export const requestArb: fc.Arbitrary<PlainRequest> = fc
  .record({
    principalIssuer: issuer,
    otherKeyIssuer: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: issuer }),
    aws: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    action: fc.constantFrom(
      'sts:AssumeRoleWithWebIdentity',
      'sts:AssumeRoleWithWebIdentity',
      'sts:AssumeRoleWithWebIdentity',
      'sts:AssumeRole',
      'sts:TagSession',
    ),
    namespace,
    name,
    audience: fc.option(fc.constantFrom(...AUDIENCES), { freq: 8 }),
    secureTransport: fc.option(fc.constantFrom('true', 'false')),
    tagKeys: fc.option(fc.subarray(['team', 'env', 'owner'])),
    mfaAge: fc.option(fc.constantFrom('0', '60', '3600', '7200')),
    sourceArn: fc.option(
      fc.constantFrom(
        'arn:aws:eks:us-east-1:111122223333:cluster/prod',
        'arn:aws:eks:eu-west-1:111122223333:cluster/dev',
        'arn:aws:logs:us-east-1:111122223333:log-group:app',
      ),
    ),
  })
  .map((r) => {
    const keyIssuer = r.otherKeyIssuer ?? r.principalIssuer
    const context: Record<string, string[]> = { [`${keyIssuer}:sub`]: [subjectOf(r.namespace, r.name)] }
    if (r.audience !== null) context[`${keyIssuer}:aud`] = [r.audience]
    if (r.secureTransport !== null) context['aws:SecureTransport'] = [r.secureTransport]
    if (r.tagKeys !== null) context['aws:TagKeys'] = r.tagKeys
    if (r.mfaAge !== null) context['aws:MultiFactorAuthAge'] = [r.mfaAge]
    if (r.sourceArn !== null) context['aws:SourceArn'] = [r.sourceArn]
    const principal = r.aws ? { type: 'AWS', id: ROLE_ARN } : { type: 'Federated', id: providerArn(r.principalIssuer) }
    return { action: r.action, principal, context }
  })

/** The request's sub, the issuer its keys are named after, and its audience. */
function hints(request: PlainRequest): { issuer: string; sub: string; audience: string } {
  const subKey = Object.keys(request.context).find((key) => key.endsWith(':sub'))!
  const issuerOfKey = subKey.slice(0, -':sub'.length)
  return {
    issuer: issuerOfKey,
    sub: request.context[subKey]![0]!,
    audience: request.context[`${issuerOfKey}:aud`]?.[0] ?? 'sts.amazonaws.com',
  }
}

function caseVariant(text: string): fc.Arbitrary<string> {
  return fc.constantFrom(text, text, text, text.toUpperCase(), text.charAt(0).toUpperCase() + text.slice(1))
}

/** A sub value: the request's, another exact one, or a pattern with `*` or `?`. */
function subValue(sub: string): fc.Arbitrary<string> {
  const [, , ns, sa] = sub.split(':')
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(sub) },
    { weight: 3, arbitrary: fc.tuple(namespace, name).map(([n, s]) => subjectOf(n, s)) },
    { weight: 1, arbitrary: fc.constant(sub.toUpperCase()) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        subjectOf(ns!, '*'),
        subjectOf('*', sa!),
        subjectOf(ns!, `${sa!.slice(0, -1)}?`),
        subjectOf('*', '*'),
        'system:serviceaccount:*',
        subjectOf('prod', '*'),
        '*',
        `system:serviceaccount:${ns}:*-?`,
        `system:serviceaccount:**:${sa}`,
        `system:serviceaccount:${ns}:*?*`,
      ),
    },
  )
}

type Entry = [operator: string, key: string, values: string[]]

const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
]

const stringOperator = fc
  .tuple(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('StringEquals', 'StringLike') },
      { weight: 4, arbitrary: fc.constantFrom(...STRING_OPERATORS) },
    ),
    fc.constantFrom('', '', '', '', 'IfExists'),
    fc.constantFrom('', '', '', '', '', 'ForAnyValue:', 'ForAllValues:'),
  )
  .map(([operator, ifExists, set]) => `${set}${operator}${ifExists}`)

function conditionEntry(request: PlainRequest): fc.Arbitrary<Entry> {
  const hint = hints(request)
  const anIssuer = fc.oneof({ weight: 4, arbitrary: fc.constant(hint.issuer) }, { weight: 1, arbitrary: issuer })
  const key = (claim: string) => fc.tuple(anIssuer, caseVariant(claim)).map(([i, c]) => `${i}:${c}`)
  const several = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 })
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(stringOperator, key('sub'), several(subValue(hint.sub))) },
    {
      weight: 4,
      arbitrary: fc.tuple(
        stringOperator,
        key('aud'),
        several(fc.oneof(fc.constant(hint.audience), fc.constantFrom(...AUDIENCES, 'sts.*', 'STS.amazonaws.com'))),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constant('Null'),
        fc.oneof(key('sub'), key('amr'), fc.constant('aws:TagKeys')),
        several(fc.constantFrom('true', 'false')),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('Bool', 'BoolIfExists'),
        fc.constant('aws:SecureTransport'),
        several(fc.constantFrom('true', 'false', 'TRUE')),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(
          'ForAnyValue:StringLike',
          'ForAllValues:StringLike',
          'ForAnyValue:StringEquals',
          'ForAllValues:StringNotEquals',
          'ForAnyValue:StringNotLike',
        ),
        fc.constantFrom('aws:TagKeys', 'AWS:tagkeys'),
        several(fc.constantFrom('team', 'env', 'te*', 'o?ner')),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(
          'NumericLessThan',
          'NumericGreaterThanEquals',
          'NumericEquals',
          'NumericNotEquals',
          'NumericLessThanIfExists',
        ),
        fc.constant('aws:MultiFactorAuthAge'),
        several(fc.constantFrom('0', '60', '3600')),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('ArnLike', 'ArnEquals', 'ArnNotLike', 'ArnNotEquals', 'ArnLikeIfExists'),
        fc.constant('aws:SourceArn'),
        several(
          fc.constantFrom(
            'arn:aws:eks:us-east-1:111122223333:cluster/*',
            'arn:aws:eks:*:111122223333:cluster/prod',
            'arn:aws:eks:*:*:*/d?v',
            'arn:aws:s3:::bucket',
            'arn:aws:eks:*:cluster/prod',
            'arn:aws:*:111122223333:log-group:app',
            'arn:aws:logs:*:*:log-group:*',
          ),
        ),
      ),
    },
  )
}

/** Entries grouped as IAM writes them: operator → key → values (a later duplicate key replaces an earlier one). */
export function conditionOf(entries: Entry[]): Record<string, Record<string, PlainValue>> {
  const condition: Record<string, Record<string, PlainValue>> = {}
  for (const [operator, key, values] of entries)
    (condition[operator] ??= {})[key] = values.length === 1 ? values[0]! : values
  return condition
}

function statementArb(request: PlainRequest, effect?: 'Allow' | 'Deny'): fc.Arbitrary<PlainStatement> {
  const hint = hints(request)
  const provider = fc.oneof(
    { weight: 3, arbitrary: fc.constant(providerArn(hint.issuer)) },
    { weight: 1, arbitrary: issuer.map(providerArn) },
  )
  type Part = Partial<PlainStatement>
  const principal: fc.Arbitrary<Part> = fc.oneof(
    {
      weight: 16,
      arbitrary: fc
        .array(provider, { minLength: 1, maxLength: 2 })
        .map((ids) => ({ Principal: { Federated: ids.length === 1 ? ids[0]! : ids } })),
    },
    { weight: 2, arbitrary: fc.constant({ Principal: '*' }) },
    { weight: 1, arbitrary: fc.constant({ Principal: { AWS: '*' } }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom({ AWS: 'arn:aws:iam::111122223333:root' }, { AWS: '111122223333' }, { AWS: ROLE_ARN })
        .map((p) => ({ Principal: p })),
    },
    { weight: 2, arbitrary: provider.map((id) => ({ NotPrincipal: { Federated: id } })) },
  )
  const action: fc.Arbitrary<Part> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom<PlainValue>(
          'sts:AssumeRoleWithWebIdentity',
          'sts:assumerolewithwebidentity',
          'sts:AssumeRole*',
          'sts:*',
          '*',
          'sts:AssumeRole',
          ['sts:AssumeRole', 'sts:TagSession'],
          'sts:AssumeRoleWith?ebIdentity',
        )
        .map((a) => ({ Action: a })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('sts:AssumeRole', 'iam:*', 'sts:AssumeRoleWith*').map((a) => ({ NotAction: a })),
    },
  )
  return fc
    .record({
      effect: effect ? fc.constant(effect) : fc.constantFrom('Allow', 'Allow', 'Allow', 'Allow', 'Deny'),
      principal,
      action,
      conditions: fc.array(conditionEntry(request), { minLength: 0, maxLength: 3 }),
    })
    .map(({ effect: e, principal: p, action: a, conditions }) => {
      const statement: PlainStatement = { Effect: e, ...p, ...a }
      if (conditions.length > 0) statement.Condition = conditionOf(conditions)
      return statement
    })
}

export function policyArb(request: PlainRequest): fc.Arbitrary<PlainPolicy> {
  return fc
    .array(statementArb(request), { minLength: 1, maxLength: 4 })
    .map((statements) => ({ Version: '2012-10-17', Statement: statements }))
}

export function denyStatementArb(request: PlainRequest): fc.Arbitrary<PlainStatement> {
  return statementArb(request, 'Deny')
}

export const scenarioArb: fc.Arbitrary<Scenario> = requestArb.chain((request) =>
  policyArb(request).map((policy) => ({ policy, request })),
)

/** The evaluator's form of a plain request. */
export function toPolicyRequest(request: PlainRequest): PolicyRequest {
  return {
    action: request.action,
    principal: { type: request.principal.type as PolicyRequest['principal']['type'], id: request.principal.id },
    context: Object.entries(request.context).map(([key, values]) => ({ key, values })),
  }
}
