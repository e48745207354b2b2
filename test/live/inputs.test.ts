import { ConfigError } from '../../src/config.js'
import { parseLiveInputs, type LiveInputText } from '../../src/live/inputs.js'
import { NO_LIVE_INPUTS } from './helpers.js'

const parse = (inputs: Partial<LiveInputText>, env: NodeJS.ProcessEnv = {}) =>
  parseLiveInputs({ ...NO_LIVE_INPUTS, ...inputs }, env)
const failure = (inputs: Partial<LiveInputText>, env: NodeJS.ProcessEnv = {}): string => {
  try {
    parse(inputs, env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('no error')
}

describe('the live inputs', () => {
  it('default to off, and with live off read nothing else', () => {
    expect(parse({ clusters: 'not a cluster line at all', 'account-roles': 'nonsense' })).toMatchObject({
      mode: 'off',
      clusters: [],
      region: 'us-east-1',
    })
  })

  it('read clusters, account roles, the region, the session name and the budget', () => {
    const settings = parse(
      {
        live: 'required',
        'aws-region': 'eu-central-1',
        'role-to-assume': 'arn:aws:iam::406214073512:role/irsa-guard-auditor',
        clusters: 'prod\n# the data platform\n  data 111122224444 us-east-2  \n',
        'account-roles': '111122224444=arn:aws:iam::111122224444:role/irsa-guard-auditor\n',
        'live-timeout-seconds': '90',
      },
      { AWS_REGION: 'us-west-2' },
    )
    expect(settings).toEqual({
      mode: 'required',
      region: 'eu-central-1',
      roleToAssume: 'arn:aws:iam::406214073512:role/irsa-guard-auditor',
      roleSessionName: 'irsa-guard',
      clusters: [
        { name: 'prod', region: 'eu-central-1' },
        { name: 'data', region: 'us-east-2', account: '111122224444' },
      ],
      accountRoles: new Map([['111122224444', 'arn:aws:iam::111122224444:role/irsa-guard-auditor']]),
      timeoutSeconds: 90,
    })
  })

  it('take the region from AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(
      parse({ live: 'auto', clusters: 'prod' }, { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' }),
    ).toMatchObject({ region: 'us-west-2', clusters: [{ name: 'prod', region: 'us-west-2' }] })
    expect(parse({ live: 'auto' }, { AWS_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1')
  })

  it('reject what is wrong with one line naming the input', () => {
    expect(failure({ live: 'yes' })).toBe('input live must be one of off, auto, required (got "yes")')
    expect(failure({ live: 'auto', 'aws-region': 'frankfurt' })).toBe(
      'input aws-region is not an AWS region (got "frankfurt")',
    )
    expect(failure({ live: 'auto', 'role-to-assume': 'irsa-guard-auditor' })).toBe(
      'input role-to-assume is not an IAM role ARN (got "irsa-guard-auditor")',
    )
    expect(failure({ live: 'auto', 'role-session-name': 'has spaces' })).toBe(
      'input role-session-name must be 2 to 64 characters of letters, digits and _+=,.@- (got "has spaces")',
    )
    expect(failure({ live: 'auto', 'live-timeout-seconds': '0' })).toBe(
      'input live-timeout-seconds must be a whole number of seconds from 1 to 3600 (got "0")',
    )
    expect(failure({ live: 'auto', 'aws-region': 'eu-west-1', clusters: 'prod\nprod 12345 eu-west-1' })).toBe(
      'input clusters, line 2 ("prod 12345 eu-west-1"): the account must be 12 digits',
    )
    expect(failure({ live: 'auto', clusters: 'prod eu-west-1' })).toBe(
      'input clusters, line 1 ("prod eu-west-1"): write "name" or "name account region"',
    )
    expect(failure({ live: 'auto', clusters: 'prod' })).toBe(
      'input clusters, line 1 ("prod"): no region: write "name account region", or set aws-region',
    )
    expect(failure({ live: 'auto', 'account-roles': '111122224444=arn:aws:iam::406214073512:role/auditor' })).toBe(
      'input account-roles, line 1 ("111122224444=arn:aws:iam::406214073512:role/auditor"): the role is in account 406214073512, not 111122224444',
    )
    expect(failure({ live: 'auto', 'account-roles': '111122224444 arn:aws:iam::111122224444:role/auditor' })).toBe(
      'input account-roles, line 1 ("111122224444 arn:aws:iam::111122224444:role/auditor"): write "account=role ARN"',
    )
  })
})
