import {
  acceptsAnyServiceAccount,
  acceptsAnyServiceAccountInNamespace,
  acceptsServiceAccountToken,
  PROBE_NAME,
  PROBE_NAMESPACE,
} from '../../src/iam/service-account-token.js'
import { describeTemplate, templateOf, templateText } from '../../src/iam/template.js'
import { symbolic } from '../../src/model/value.js'
import { buildPolicy, type PlainPolicy, type PlainStatement } from './build-policy.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`
const OTHER_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF'
const OTHER_PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${OTHER_ISSUER}`

function trust(...statements: PlainStatement[]) {
  return buildPolicy({ Version: '2012-10-17', Statement: statements } satisfies PlainPolicy)
}

function irsa(condition: PlainStatement['Condition'], provider = PROVIDER): PlainStatement {
  return {
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  }
}

const exact = (issuer: string, sub: string, aud = 'sts.amazonaws.com') => ({
  StringEquals: { [`${issuer}:sub`]: sub, [`${issuer}:aud`]: aud },
})

describe('acceptsServiceAccountToken', () => {
  const policy = trust(irsa(exact(ISSUER, 'system:serviceaccount:prod:app')))

  it('builds the web-identity request STS evaluates from the ServiceAccount', () => {
    const decision = acceptsServiceAccountToken(policy, { namespace: 'prod', name: 'app', issuerHostPath: ISSUER })
    expect(decision.effect).toBe('allow')
    expect(describeTemplate(decision.subject)).toBe('"system:serviceaccount:prod:app"')
    expect(describeTemplate(decision.audience)).toBe('"sts.amazonaws.com"')
    expect(decision.attempts).toHaveLength(1)
    expect(decision.decisive.request).toMatchObject({
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { type: 'Federated', id: [{ text: PROVIDER }] },
      subject: 'the token',
    })
    expect(decision.decisive.request.context.map((entry) => templateText(templateOf(entry.key)))).toEqual([
      `${ISSUER}:sub`,
      `${ISSUER}:aud`,
    ])
  })

  it('refuses a ServiceAccount in another namespace, with the failing condition', () => {
    const decision = acceptsServiceAccountToken(policy, { namespace: 'default', name: 'app' })
    expect(decision.effect).toBe('deny')
    expect(decision.decision.summary).toBe(
      `no statement allows it (Statement[0]: StringEquals on ${ISSUER}:sub expects "system:serviceaccount:prod:app" but the token has "system:serviceaccount:default:app")`,
    )
  })

  it('uses the audience annotation instead of sts.amazonaws.com', () => {
    const decision = acceptsServiceAccountToken(policy, { namespace: 'prod', name: 'app', audience: 'vault' })
    expect(decision.effect).toBe('deny')
    expect(decision.decision.statements[0]!.mismatches.map((mismatch) => mismatch.message)).toEqual([
      `StringEquals on ${ISSUER}:aud expects "sts.amazonaws.com" but the token has "vault"`,
    ])
  })

  it('a token from a cluster whose provider the policy does not trust is refused', () => {
    const decision = acceptsServiceAccountToken(policy, {
      namespace: 'prod',
      name: 'app',
      issuerHostPath: OTHER_ISSUER,
    })
    expect(decision.effect).toBe('deny')
    expect(decision.decision.statements[0]!.mismatches[0]!.message).toBe(
      `the Principal does not name Federated "arn:aws:iam::\${account}:oidc-provider/${OTHER_ISSUER}"`,
    )
  })

  it('with the issuer unknown, tries every provider the policy trusts: one cluster accepting is enough', () => {
    const twoClusters = trust(
      irsa(exact(ISSUER, 'system:serviceaccount:prod:app')),
      irsa(exact(OTHER_ISSUER, 'system:serviceaccount:dev:app'), OTHER_PROVIDER),
    )
    const decision = acceptsServiceAccountToken(twoClusters, { namespace: 'dev', name: 'app' })
    expect(decision.effect).toBe('allow')
    expect(decision.attempts.map((attempt) => [templateText(attempt.provider), attempt.decision.effect])).toEqual([
      [PROVIDER, 'deny'],
      [OTHER_PROVIDER, 'allow'],
    ])
    expect(decision.decisive).toBe(decision.attempts[1])
    expect(
      acceptsServiceAccountToken(twoClusters, { namespace: 'qa', name: 'app' }).attempts.map(
        (attempt) => attempt.decision.effect,
      ),
    ).toEqual(['deny', 'deny'])
  })

  it('several ServiceAccounts sharing one role', () => {
    const shared = trust(
      irsa({
        StringEquals: { [`${ISSUER}:sub`]: ['system:serviceaccount:prod:app', 'system:serviceaccount:prod:worker'] },
      }),
    )
    expect(acceptsServiceAccountToken(shared, { namespace: 'prod', name: 'worker' }).effect).toBe('allow')
    expect(acceptsServiceAccountToken(shared, { namespace: 'prod', name: 'web' }).effect).toBe('deny')
  })

  it('aws-cn and aws-us-gov providers', () => {
    const china = 'oidc.eks.cn-north-1.amazonaws.com.cn/id/0123456789ABCDEF0123456789ABCDEF'
    const gov = 'oidc.eks.us-gov-west-1.amazonaws.com/id/FEDCBA9876543210FEDCBA9876543210'
    const policy = trust(
      irsa(exact(china, 'system:serviceaccount:prod:app'), `arn:aws-cn:iam::111122223333:oidc-provider/${china}`),
      irsa(exact(gov, 'system:serviceaccount:gov:app'), `arn:aws-us-gov:iam::111122223333:oidc-provider/${gov}`),
    )
    expect(acceptsServiceAccountToken(policy, { namespace: 'prod', name: 'app', issuerHostPath: china }).effect).toBe(
      'allow',
    )
    expect(acceptsServiceAccountToken(policy, { namespace: 'gov', name: 'app', issuerHostPath: gov }).effect).toBe(
      'allow',
    )
    expect(acceptsServiceAccountToken(policy, { namespace: 'gov', name: 'app', issuerHostPath: china }).effect).toBe(
      'deny',
    )
  })

  it('a Terraform trust built from module outputs is decided, not left unknown', () => {
    const terraform = trust(
      irsa(exact('${module.eks.oidc_provider}', 'system:serviceaccount:prod:app'), '${module.eks.oidc_provider_arn}'),
    )
    expect(acceptsServiceAccountToken(terraform, { namespace: 'prod', name: 'app' }).effect).toBe('allow')
    const denied = acceptsServiceAccountToken(terraform, { namespace: 'prod', name: 'web' })
    expect(denied.effect).toBe('deny')
    expect(denied.decision.statements[0]!.mismatches.map((mismatch) => mismatch.message)).toEqual([
      'StringEquals on ${module.eks.oidc_provider}:sub expects "system:serviceaccount:prod:app" but the token has "system:serviceaccount:prod:web"',
    ])
  })

  it('a provider ARN assembled in Terraform names its issuer', () => {
    const provider =
      'arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${module.eks.oidc_provider}'
    const terraform = trust(irsa(exact('${module.eks.oidc_provider}', 'system:serviceaccount:prod:app'), provider))
    const decision = acceptsServiceAccountToken(terraform, { namespace: 'prod', name: 'web' })
    expect(decision.effect).toBe('deny')
    expect(templateText(decision.decisive.issuer)).toBe('${module.eks.oidc_provider}')
  })

  it('a namespace known only at apply time decides what it can', () => {
    const namespace = symbolic('var.namespace', { path: 'main.tf', line: 3, column: 1 })
    expect(acceptsServiceAccountToken(policy, { namespace, name: 'app' }).effect).toBe('unknown')
    expect(acceptsServiceAccountToken(policy, { namespace, name: 'web' }).effect).toBe('deny')
    const anyNamespace = trust(irsa({ StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:*:app' } }))
    expect(acceptsServiceAccountToken(anyNamespace, { namespace, name: 'app' }).effect).toBe('allow')
  })

  it('conditions on keys a pod’s request carries but irsa-guard cannot know are unknown', () => {
    const policy = trust(
      irsa({ ...exact(ISSUER, 'system:serviceaccount:prod:app'), IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }),
    )
    expect(acceptsServiceAccountToken(policy, { namespace: 'prod', name: 'app' }).effect).toBe('unknown')
  })
})

describe('acceptsAnyServiceAccount: a token no one defined', () => {
  it('is refused by a trust naming its ServiceAccount', () => {
    const decision = acceptsAnyServiceAccount(trust(irsa(exact(ISSUER, 'system:serviceaccount:prod:app'))))
    expect(decision.effect).toBe('deny')
    expect(templateText(decision.subject)).toBe(`system:serviceaccount:${PROBE_NAMESPACE}:${PROBE_NAME}`)
  })

  it('is accepted when there is no sub condition (aud only)', () => {
    const decision = acceptsAnyServiceAccount(trust(irsa({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } })))
    expect(decision.effect).toBe('allow')
    expect(decision.decision.allowedBy.map((outcome) => outcome.label)).toEqual(['Statement[0]'])
  })

  it('is accepted by a custom audience, because the probe may pick any audience', () => {
    expect(acceptsAnyServiceAccount(trust(irsa({ StringEquals: { [`${ISSUER}:aud`]: 'vault' } }))).effect).toBe('allow')
  })

  it('is accepted by wildcards across namespaces, and by a negated condition on another provider’s key', () => {
    expect(
      acceptsAnyServiceAccount(trust(irsa({ StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:*:*' } }))).effect,
    ).toBe('allow')
    expect(
      acceptsAnyServiceAccount(
        trust(irsa({ StringNotEquals: { [`${OTHER_ISSUER}:sub`]: 'system:serviceaccount:x:y' } })),
      ).effect,
    ).toBe('allow')
  })

  it('in a namespace: a namespace-wide wildcard accepts any ServiceAccount of that namespace only', () => {
    const namespaceWide = trust(irsa({ StringLike: { [`${ISSUER}:sub`]: 'system:serviceaccount:prod:*' } }))
    expect(acceptsAnyServiceAccount(namespaceWide).effect).toBe('deny')
    expect(acceptsAnyServiceAccountInNamespace(namespaceWide, 'prod').effect).toBe('allow')
    expect(acceptsAnyServiceAccountInNamespace(namespaceWide, 'dev').effect).toBe('deny')
  })
})
