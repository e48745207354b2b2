import { parseRoleArn } from '../../../src/iam/arn.js'
import type { AwsState, IssuedCredentials } from './aws-state.js'
import {
  decodeQuery,
  element,
  FakeServer,
  requestId,
  type RecordedRequest,
  type Reply,
  type ServiceProtocol,
} from './http.js'

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

/**
 * STS over the AWS Query protocol: AssumeRoleWithWebIdentity (unsigned; accepts only OIDC tokens
 * the fake runner issued, for roles in `webIdentityRoles`), AssumeRole (signed; roles in
 * `assumableRoles`) and GetCallerIdentity, answering as the STS API Reference shows.
 */
export function stsServer(state: AwsState): FakeServer {
  return new FakeServer(stsProtocol(state))
}

function stsProtocol(state: AwsState): ServiceProtocol {
  const error = (status: number, code: string, message: string): Reply => ({
    status,
    headers: { 'content-type': 'text/xml' },
    body:
      `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `${element('Code', code)}${element('Message', message)}</Error>${element('RequestId', requestId())}</ErrorResponse>`,
  })
  const ok = (action: string, result: string): Reply => ({
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${result}</${action}Result><ResponseMetadata>${element('RequestId', requestId())}</ResponseMetadata></${action}Response>`,
  })
  const credentials = (issued: IssuedCredentials): string =>
    '<Credentials>' +
    element('AccessKeyId', issued.accessKeyId) +
    element('SecretAccessKey', issued.secretAccessKey) +
    element('SessionToken', issued.sessionToken ?? '') +
    element('Expiration', new Date(Date.now() + 3600_000).toISOString()) +
    '</Credentials>'
  const assumedRoleUser = (roleArn: string, session: string): string => {
    const arn = parseRoleArn(roleArn)!
    return `<AssumedRoleUser>${element('Arn', `arn:${arn.partition}:sts::${arn.account}:assumed-role/${arn.name}/${session}`)}${element('AssumedRoleId', `AROA3XFRBF535PLBIFPI4:${session}`)}</AssumedRoleUser>`
  }

  return {
    name: 'sts',
    decode: (_request, body) => decodeQuery(body),
    error,
    malformed: () => ({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>',
    }),
    answer(request: RecordedRequest): Reply {
      const params = request.params
      switch (request.action) {
        case 'AssumeRoleWithWebIdentity': {
          const roleArn = params.RoleArn ?? ''
          if (!state.issuedIdTokens.has(params.WebIdentityToken ?? ''))
            return error(400, 'InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider")
          if (!state.webIdentityRoles.has(roleArn))
            return error(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity')
          const issued = state.issue(parseRoleArn(roleArn)!.account, roleArn)
          return ok(
            'AssumeRoleWithWebIdentity',
            credentials(issued) +
              element('SubjectFromWebIdentityToken', 'repo:acme/platform:pull_request') +
              assumedRoleUser(roleArn, params.RoleSessionName ?? '') +
              element(
                'Provider',
                'arn:aws:iam::' + parseRoleArn(roleArn)!.account + ':oidc-provider/token.actions.githubusercontent.com',
              ) +
              element('Audience', 'sts.amazonaws.com'),
          )
        }
        case 'AssumeRole': {
          if (!state.accountOf(request.accessKeyId))
            return error(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
          const roleArn = params.RoleArn ?? ''
          if (!state.assumableRoles.has(roleArn))
            return error(
              403,
              'AccessDenied',
              `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
            )
          const issued = state.issue(parseRoleArn(roleArn)!.account, roleArn)
          return ok('AssumeRole', credentials(issued) + assumedRoleUser(roleArn, params.RoleSessionName ?? ''))
        }
        case 'GetCallerIdentity': {
          const caller = request.accessKeyId ? state.credentials.get(request.accessKeyId) : undefined
          if (!caller)
            return error(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
          const arn = caller.roleArn
            ? `arn:aws:sts::${caller.account}:assumed-role/${parseRoleArn(caller.roleArn)!.name}/session`
            : `arn:aws:iam::${caller.account}:user/ci`
          return ok(
            'GetCallerIdentity',
            element('Arn', arn) + element('UserId', 'AIDAJQABLZS4A3QDU576Q') + element('Account', caller.account),
          )
        }
        default:
          return error(400, 'InvalidAction', `Could not find operation ${request.action} for version 2011-06-15`)
      }
    },
  }
}
