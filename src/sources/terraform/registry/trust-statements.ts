import type { Role } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { readPolicyDocument } from '../../shared/policy-document.js'
import type { FactSink } from '../context.js'
import { valueToTree } from '../documents.js'
import type { Evaluator } from '../evaluate.js'
import { callFunction } from '../functions.js'
import {
  expressionOf,
  objectValue,
  scalarString,
  stringValue,
  tupleValue,
  unknownTemplate,
  type HclValue,
  type ObjectEntryValue,
} from '../values.js'
import { type ModuleCallRequest } from '../module.js'

export const DEFAULT_AUDIENCE = 'sts.amazonaws.com'

export interface WebIdentityStatement {
  /** The provider ARN (Federated principal); the condition keys are its issuer. */
  arn: HclValue
  arnLocation: Location
  /** The `:sub` values, `system:serviceaccount:<namespace>:<name>`. */
  subjects: HclValue[]
  subjectsLocation: Location
  /** The condition operator (`StringEquals`, `StringLike`, or unknown). */
  test: HclValue
  testLocation: Location
  location: Location
  evaluator: Evaluator
}

/**
 * The IRSA trust statement terraform-aws-iam and aws-ia's add-on module write for one provider:
 * Federated = the provider ARN, `<issuer>:sub` = the subjects and `<issuer>:aud` = sts.amazonaws.com
 * under one operator, the issuer being `replace(arn, "/^(.*provider/)/", "")`.
 */
export function webIdentityStatement(statement: WebIdentityStatement): HclValue {
  const { arn, arnLocation, location, test, testLocation } = statement
  const issuer = callFunction(
    'replace',
    [arn, stringValue('/^(.*provider/)/', arnLocation), stringValue('', arnLocation)],
    { location: arn.location, evaluator: statement.evaluator },
  )
  const keys: ObjectEntryValue[] = [
    { ...claimKey(issuer, ':sub', arnLocation), value: tupleValue(statement.subjects, statement.subjectsLocation) },
    {
      ...claimKey(issuer, ':aud', arnLocation),
      value: tupleValue([stringValue(DEFAULT_AUDIENCE, location)], location),
    },
  ]
  const operator: ObjectEntryValue =
    test.kind === 'unknown'
      ? { key: expressionOf(test), keyLocation: testLocation, keyValue: test, value: objectValue(keys, location) }
      : { key: scalarString(test) ?? '', keyLocation: testLocation, value: objectValue(keys, location) }
  return objectValue(
    [
      ...allowWebIdentity(tupleValue([arn], arn.location), arnLocation, location),
      { key: 'Condition', keyLocation: location, value: objectValue([operator], location) },
    ],
    location,
  )
}

/** `Effect` Allow, `Action` sts:AssumeRoleWithWebIdentity and `Principal.Federated` these providers: a statement but for its condition. */
export function allowWebIdentity(
  federated: HclValue,
  principalLocation: Location,
  location: Location,
): ObjectEntryValue[] {
  return [
    { key: 'Effect', keyLocation: location, value: stringValue('Allow', location) },
    {
      key: 'Action',
      keyLocation: location,
      value: tupleValue([stringValue('sts:AssumeRoleWithWebIdentity', location)], location),
    },
    {
      key: 'Principal',
      keyLocation: principalLocation,
      value: objectValue([{ key: 'Federated', keyLocation: principalLocation, value: federated }], principalLocation),
    },
  ]
}

/** `<issuer>:sub` from the issuer the provider ARN gives (known text, or a template). */
export function claimKey(
  issuer: HclValue,
  claim: string,
  location: Location,
): Pick<ObjectEntryValue, 'key' | 'keyLocation' | 'keyValue'> {
  if (issuer.kind === 'unknown') {
    const keyValue = unknownTemplate([...issuer.parts, { text: claim }], location)
    return { key: expressionOf(keyValue), keyLocation: location, keyValue }
  }
  return { key: `${scalarString(issuer) ?? ''}${claim}`, keyLocation: location }
}

/** `allow_self_assume_role`: the role may assume itself (an AWS principal statement, not IRSA). */
export function selfAssumeStatement(selfArn: HclValue, location: Location): HclValue {
  return objectValue(
    [
      { key: 'Sid', keyLocation: location, value: stringValue('ExplicitSelfRoleAssumption', location) },
      { key: 'Effect', keyLocation: location, value: stringValue('Allow', location) },
      { key: 'Action', keyLocation: location, value: tupleValue([stringValue('sts:AssumeRole', location)], location) },
      {
        key: 'Principal',
        keyLocation: location,
        value: objectValue(
          [{ key: 'AWS', keyLocation: location, value: tupleValue([stringValue('*', location)], location) }],
          location,
        ),
      },
      {
        key: 'Condition',
        keyLocation: location,
        value: objectValue(
          [
            {
              key: 'ArnLike',
              keyLocation: location,
              value: objectValue(
                [{ key: 'aws:PrincipalArn', keyLocation: location, value: tupleValue([selfArn], location) }],
                location,
              ),
            },
          ],
          location,
        ),
      },
    ],
    location,
  )
}

/** A policy document object with these statements. */
export function policyDocument(statements: HclValue[], statementLocation: Location, location: Location): HclValue {
  return objectValue(
    [
      { key: 'Version', keyLocation: location, value: stringValue('2012-10-17', location) },
      { key: 'Statement', keyLocation: statementLocation, value: tupleValue(statements, location) },
    ],
    location,
  )
}

/**
 * The role a registry module creates as `aws_iam_role.<resource>`, at the module block, known by
 * the module's ARN outputs (`arnReferences` beyond them are added as written); its name and path are the module's to set.
 */
export function moduleRole(
  call: Pick<ModuleCallRequest, 'prefix' | 'rootDir'> & { view: { location: Location } },
  arnOutputs: readonly string[],
  resource = 'this[0]',
  arnAliases: readonly string[] = [],
): Role {
  return {
    source: 'terraform',
    location: call.view.location,
    label: call.prefix.replace(/\.$/, ''),
    arnReferences: [...arnOutputs.map((output) => `${call.prefix}${output}`), ...arnAliases],
    terraform: { root: call.rootDir, address: `${call.prefix}aws_iam_role.${resource}` },
  }
}

/** A role a registry module creates, with the trust policy it writes (read as any trust policy is: its findings go with the role). */
export function addModuleRole(sink: FactSink, role: Role, trustPolicy: HclValue): void {
  const read = readPolicyDocument(valueToTree(trustPolicy), role.label)
  role.trustPolicy = read.document
  sink.findings.push(...read.findings)
  sink.facts.roles.push(role)
}
