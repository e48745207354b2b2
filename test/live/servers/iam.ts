import {
  decodeQuery,
  element,
  FakeServer,
  members,
  requestId,
  xmlEscape,
  type RecordedRequest,
  type Reply,
  type ServiceProtocol,
} from './http.js'
import type { AwsState, FakeRole } from './aws-state.js'

const NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/'

/**
 * IAM over the AWS Query protocol (POST form parameters, XML answers `<Action>Response>` /
 * `<ErrorResponse>`), as the IAM API Reference describes GetRole, ListAttachedRolePolicies,
 * ListRolePolicies, ListOpenIDConnectProviders and GetOpenIDConnectProvider. IAM is global and
 * acts in the account of the caller's access key.
 */
export function iamServer(state: AwsState, options: { pageSize?: number } = {}): FakeServer {
  return new FakeServer(iamProtocol(state, options.pageSize ?? 100))
}

function iamProtocol(state: AwsState, pageSize: number): ServiceProtocol {
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
  const noSuchRole = (name: string) => error(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`)

  /** One page of a list and its IsTruncated/Marker, the marker being an opaque offset. */
  const page = (items: string[], params: Record<string, string>): { items: string[]; tail: string } => {
    const start = params.Marker ? Number(Buffer.from(params.Marker, 'base64').toString('utf8')) : 0
    const size = params.MaxItems ? Math.min(Number(params.MaxItems), pageSize) : pageSize
    const slice = items.slice(start, start + size)
    const truncated = start + size < items.length
    const tail =
      element('IsTruncated', truncated) +
      (truncated ? element('Marker', Buffer.from(String(start + size)).toString('base64')) : '')
    return { items: slice, tail }
  }

  const roleXml = (role: FakeRole): string => {
    const document = typeof role.trust === 'string' ? role.trust : JSON.stringify(role.trust)
    return (
      '<Role>' +
      element('Path', role.path) +
      element('AssumeRolePolicyDocument', encodeURIComponent(document)) +
      element('MaxSessionDuration', 3600) +
      element('RoleId', 'AROA' + Buffer.from(role.name).toString('hex').slice(0, 16).toUpperCase()) +
      element('RoleName', role.name) +
      element('Arn', `arn:aws:iam::${role.account}:role${role.path}${role.name}`) +
      element('CreateDate', '2024-03-01T09:30:00Z') +
      '</Role>'
    )
  }

  return {
    name: 'iam',
    decode: (_request, body) => decodeQuery(body),
    error,
    malformed: (request) => ({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<${request.action}Response xmlns="${NAMESPACE}"><${request.action}Result><Role><Path>/</Pa`,
    }),
    answer(request: RecordedRequest): Reply {
      const account = state.accountOf(request.accessKeyId)
      if (!account) return error(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
      const params = request.params
      switch (request.action) {
        case 'GetRole': {
          const role = state.role(account, params.RoleName ?? '')
          return role ? ok('GetRole', roleXml(role)) : noSuchRole(params.RoleName ?? '')
        }
        case 'ListAttachedRolePolicies': {
          const role = state.role(account, params.RoleName ?? '')
          if (!role) return noSuchRole(params.RoleName ?? '')
          const { items, tail } = page(role.attachedPolicies, params)
          const policies = items.map(
            (arn) => element('PolicyName', arn.slice(arn.lastIndexOf('/') + 1)) + element('PolicyArn', arn),
          )
          return ok('ListAttachedRolePolicies', members('AttachedPolicies', policies) + tail)
        }
        case 'ListRolePolicies': {
          const role = state.role(account, params.RoleName ?? '')
          if (!role) return noSuchRole(params.RoleName ?? '')
          const { items, tail } = page(role.inlinePolicies, params)
          return ok('ListRolePolicies', members('PolicyNames', items.map(xmlEscape)) + tail)
        }
        case 'ListOpenIDConnectProviders': {
          const arns = state.providers
            .filter((provider) => provider.account === account)
            .map((provider) => `arn:aws:iam::${account}:oidc-provider/${provider.url}`)
          return ok(
            'ListOpenIDConnectProviders',
            members(
              'OpenIDConnectProviderList',
              arns.map((arn) => element('Arn', arn)),
            ),
          )
        }
        case 'GetOpenIDConnectProvider': {
          const arn = params.OpenIDConnectProviderArn ?? ''
          const provider = state.providers.find(
            (each) => `arn:aws:iam::${each.account}:oidc-provider/${each.url}` === arn,
          )
          if (!provider || provider.account !== account)
            return error(404, 'NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`)
          return ok(
            'GetOpenIDConnectProvider',
            members('ThumbprintList', ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280']) +
              element('CreateDate', '2024-03-01T09:00:00Z') +
              members('ClientIDList', provider.clientIds.map(xmlEscape)) +
              element('Url', provider.url),
          )
        }
        default:
          return error(400, 'InvalidAction', `Could not find operation ${request.action} for version 2010-05-08`)
      }
    },
  }
}
