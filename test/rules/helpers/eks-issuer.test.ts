import {
  analyseConditionKey,
  analyseEksIssuer,
  analyseFederated,
  placeholderIn,
  whenKeyAbsent,
} from '../../../src/rules/helpers/eks-issuer.js'
import { isConditionOperator } from '../../../src/rules/helpers/policy-grammar.js'

const ID = 'D43CF17C27A865933144EA99A26FB128'

describe('analyseEksIssuer', () => {
  it('accepts the commercial, GovCloud and China forms', () => {
    for (const issuer of [
      `oidc.eks.us-east-1.amazonaws.com/id/${ID}`,
      `oidc.eks.us-gov-east-1.amazonaws.com/id/${ID}`,
      `oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID}`,
    ]) {
      expect(analyseEksIssuer(issuer)).toEqual({
        problems: [],
        corrected: issuer,
        region: issuer.split('.')[2],
        id: ID,
      })
    }
  })

  it('keeps the DNS suffix of regions whose issuer hosts are not documented (ISO, EUSC)', () => {
    expect(analyseEksIssuer(`oidc.eks.us-iso-east-1.c2s.ic.gov/id/${ID}`).problems).toEqual([])
  })

  it('fixes several problems at once', () => {
    expect(analyseEksIssuer(`https://oidc.us-west-2.eks.amazonaws.com:443/${ID}/`)).toEqual({
      problems: [
        'starts with "https://"',
        'has a port (":443")',
        'has its host in the wrong order ("oidc.us-west-2.eks", not "oidc.eks.us-west-2")',
        'ends with "/", which EKS issuers never do',
        'lacks "/id/" before the cluster ID',
      ],
      corrected: `oidc.eks.us-west-2.amazonaws.com/id/${ID}`,
      region: 'us-west-2',
      id: ID,
    })
  })

  it('flags an ID that is not 32 uppercase hex as unusual only', () => {
    expect(analyseEksIssuer(`oidc.eks.eu-west-1.amazonaws.com/id/${ID.toLowerCase()}`)).toMatchObject({
      problems: [],
      unusualId: true,
    })
  })
})

describe('analyseFederated', () => {
  it('leaves SAML providers and web-identity domains alone', () => {
    expect(analyseFederated('arn:aws:iam::210987654321:saml-provider/Okta')).toBeUndefined()
    expect(analyseFederated('cognito-identity.amazonaws.com')).toBeUndefined()
    expect(analyseFederated('accounts.google.com')).toBeUndefined()
  })

  it('judges a self-hosted issuer only by the rules every provider ARN follows', () => {
    expect(
      analyseFederated('arn:aws:iam::210987654321:oidc-provider/oidc.eks-prod.example.com/clusters/prod')?.problems,
    ).toEqual([])
    expect(
      analyseFederated('arn:aws:iam::210987654321:oidc-provider/oidc.eks-prod.example.com:8443/clusters/prod')
        ?.problems,
    ).toEqual(['has a port, which provider ARNs never do'])
  })

  it('accepts the provider ARN of any OIDC issuer', () => {
    expect(analyseFederated('arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com')).toEqual({
      problems: [],
      issuer: 'token.actions.githubusercontent.com',
      corrected: 'arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com',
    })
  })

  it('names a misspelled resource type and fills the partition from the region', () => {
    expect(
      analyseFederated(`arn:aws:iam::210987654321:oidc_provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID}`),
    ).toEqual({
      problems: [
        'has "oidc_provider/" where the ARN says "oidc-provider/"',
        'is in the partition "aws" but cn-north-1 belongs to "aws-cn"',
      ],
      issuer: `oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID}`,
      corrected: `arn:aws-cn:iam::210987654321:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/${ID}`,
    })
  })

  it('reports an account that is not 12 digits', () => {
    expect(
      analyseFederated(`arn:aws:iam::1234567890:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${ID}`)?.problems,
    ).toEqual(['has the account "1234567890", which is not 12 digits'])
  })
})

describe('analyseConditionKey', () => {
  it('ignores keys of other issuers and global keys', () => {
    for (const key of [
      'aws:SourceIp',
      'AWS:PrincipalTag/team',
      'saml:sub',
      'SAML:aud',
      'sts:RoleSessionName',
      'token.actions.githubusercontent.com:sub',
      'accounts.google.com:oaud',
    ]) {
      expect([key, analyseConditionKey(key)]).toEqual([key, undefined])
    }
  })

  it('reads an issuer key with no problem', () => {
    expect(analyseConditionKey(`oidc.eks.us-east-1.amazonaws.com/id/${ID}:SUB`)).toEqual({
      problems: [],
      issuer: `oidc.eks.us-east-1.amazonaws.com/id/${ID}`,
      claim: 'sub',
      corrected: `oidc.eks.us-east-1.amazonaws.com/id/${ID}:SUB`,
    })
  })

  it('strips the scheme and the ARN before judging the issuer', () => {
    expect(analyseConditionKey(`https://oidc.eks.us-east-1.amazonaws.com/id/${ID}:aud`)?.corrected).toBe(
      `oidc.eks.us-east-1.amazonaws.com/id/${ID}:aud`,
    )
    expect(
      analyseConditionKey(`arn:aws:iam::210987654321:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${ID}:sub`)
        ?.corrected,
    ).toBe(`oidc.eks.us-east-1.amazonaws.com/id/${ID}:sub`)
  })

  it('finds placeholders', () => {
    expect(analyseConditionKey('OIDC_PROVIDER:sub')?.placeholder).toBe('OIDC_PROVIDER')
    expect(analyseConditionKey('<OIDC_PROVIDER>:aud')?.placeholder).toBe('<OIDC_PROVIDER>')
    expect(placeholderIn(`oidc.eks.region-code.amazonaws.com/id/${ID}`)).toBe('region-code')
    expect(placeholderIn(`oidc.eks.us-east-1.amazonaws.com/id/${ID}`)).toBeUndefined()
  })
})

describe('condition operators', () => {
  it('knows the operators IAM accepts, case-sensitively', () => {
    expect(
      [
        'StringEquals',
        'ForAllValues:StringNotEqualsIfExists',
        'ForAnyValue:StringLike',
        'Null',
        'ArnLikeIfExists',
        'NotIpAddress',
      ].filter((name) => !isConditionOperator(name)),
    ).toEqual([])
    expect(
      [
        'stringEquals',
        'NullIfExists',
        'StringEqualsIfExist',
        'ForAnyValue:stringLike',
        'forallvalues:StringLike',
        'StringNotIpAddress',
      ].filter(isConditionOperator),
    ).toEqual([])
  })

  it('says what a condition does when its key is absent', () => {
    expect(whenKeyAbsent('StringEquals')).toBe('the condition is never true (STS refuses every token)')
    expect(whenKeyAbsent('ForAnyValue:StringLike')).toBe('the condition is never true (STS refuses every token)')
    for (const operator of ['StringNotEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals']) {
      expect(whenKeyAbsent(operator)).toBe(`this ${operator} condition is always true (it restricts nothing)`)
    }
  })
})
