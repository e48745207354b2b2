import fc from 'fast-check'
import { parseRoleArn } from '../../src/iam/arn.js'
import { roleArnProblem } from '../../src/rules/role-arn-invalid.js'
import { ruleLines } from '../helpers.js'

describe('role-arn-invalid', () => {
  it('is silenced by the config file', async () => {
    expect(await ruleLines('role-arn-invalid', 'fires', { rules: { 'role-arn-invalid': 'off' } })).toEqual([])
  })

  it('accepts exactly what parses as a role ARN', () => {
    const nameCharacter = fc.constantFrom(...'abcXYZ019_+=,.@-'.split(''))
    const validArn = fc
      .record({
        partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'aws-iso-b'),
        account: fc.stringMatching(/^\d{12}$/),
        path: fc.array(fc.stringMatching(/^[a-z0-9!~*-]{1,8}$/), { maxLength: 3 }),
        name: fc.array(nameCharacter, { minLength: 1, maxLength: 64 }).map((characters) => characters.join('')),
      })
      .map(
        ({ partition, account, path, name }) =>
          `arn:${partition}:iam::${account}:role/${path.map((segment) => `${segment}/`).join('')}${name}`,
      )
    fc.assert(fc.property(validArn, (arn) => roleArnProblem(arn) === undefined && parseRoleArn(arn) !== undefined))
    const nearArn = fc
      .tuple(validArn, fc.nat(80), fc.constantFrom('', ' ', ':', '/', '#', '"', '\n', 'x', '1'))
      .map(([arn, at, insert]) => arn.slice(0, at) + insert + arn.slice(at))
    fc.assert(fc.property(nearArn, (text) => roleArnProblem(text) !== undefined || parseRoleArn(text) !== undefined))
  })
})
