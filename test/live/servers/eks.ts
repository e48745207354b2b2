import type { AwsState } from './aws-state.js'
import { FakeServer, type RecordedRequest, type Reply, type ServiceProtocol } from './http.js'

/**
 * EKS over REST-JSON: `GET /clusters/{name}` answers `{"cluster": {…, "identity": {"oidc":
 * {"issuer": …}}}}`; errors carry their type in the `x-amzn-ErrorType` header and a JSON
 * `message`, as the EKS API Reference describes DescribeCluster. The cluster is looked up in
 * the caller's account and the region of the request's signature.
 */
export function eksServer(state: AwsState): FakeServer {
  return new FakeServer(eksProtocol(state))
}

function eksProtocol(state: AwsState): ServiceProtocol {
  const error = (status: number, code: string, message: string): Reply => ({
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazonaws.eks/`,
    },
    body: JSON.stringify({ message }),
  })
  return {
    name: 'eks',
    decode(request): { action: string; params: Record<string, string> } {
      const match = /^\/clusters\/([^/?]+)$/.exec(request.url ?? '')
      if (request.method === 'GET' && match)
        return { action: 'DescribeCluster', params: { name: decodeURIComponent(match[1]!) } }
      return { action: `${request.method} ${request.url}`, params: {} }
    },
    error,
    malformed: () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"cluster": {"name": "prod", "identity": {"oidc": {"iss',
    }),
    answer(request: RecordedRequest): Reply {
      const account = state.accountOf(request.accessKeyId)
      if (!account)
        return error(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
      if (request.action !== 'DescribeCluster') return error(404, 'NotFoundException', 'Not found')
      const name = request.params.name!
      const cluster = state.clusters.find(
        (each) => each.account === account && each.region === request.region && each.name === name,
      )
      if (!cluster) return error(404, 'ResourceNotFoundException', `No cluster found for name: ${name}.`)
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          cluster: {
            name: cluster.name,
            arn: `arn:aws:eks:${cluster.region}:${account}:cluster/${cluster.name}`,
            createdAt: 1709283600,
            version: '1.31',
            endpoint: `https://${cluster.issuer.slice(-32)}.gr7.${cluster.region}.eks.amazonaws.com`,
            roleArn: `arn:aws:iam::${account}:role/eks-cluster`,
            identity: { oidc: { issuer: cluster.issuer } },
            status: 'ACTIVE',
            platformVersion: 'eks.12',
            tags: {},
          },
        }),
      }
    },
  }
}
