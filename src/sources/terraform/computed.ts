import type { Location } from '../../model/location.js'
import { attribute } from './ast.js'
import type { BlockView } from './block-view.js'
import { objectValue, tupleValue, unknownRef, unknownTemplate, type HclValue, type UnknownValue } from './values.js'

/**
 * Attributes whose value at apply time differs from what the configuration says, or whose shape is
 * known although the value is not: the EKS issuer is an `https://` URL, an IAM OIDC provider's
 * `url` comes back from IAM without the scheme, its `arn` ends in the issuer host/path. undefined
 * means: read the attribute from the configuration, or as a plain reference.
 */
export function computedAttribute(
  type: string,
  name: string,
  address: string,
  view: BlockView,
  location: Location,
): HclValue | undefined {
  switch (type) {
    case 'aws_eks_cluster':
      return name === 'identity' ? eksIdentity(address, location) : undefined
    case 'aws_iam_openid_connect_provider':
      if (name === 'arn') return unknownRef(`${address}.arn`, location, { providerHostPath: `${address}.url` })
      if (name === 'url') return unknownRef(`${address}.url`, location, { isHostPath: true })
      return undefined
    case 'aws_iam_role':
      if (name === 'id') return view.value('name') ?? unknownRef(`${address}.id`, location)
      return undefined
    case 'tls_certificate':
      if (name !== 'certificates') return undefined
      // A called module that makes the fetch optional (count, for_each) leaves it to its callers'
      // setting: terraform-aws-eks's `include_oidc_root_ca_thumbprint`, true by default, would
      // otherwise give a note on every use of the module (main.tf `data "tls_certificate" "this"`, v19.20.0–v21.19.0).
      if (
        address.startsWith('module.') &&
        (attribute(view.block.body, 'count') || attribute(view.block.body, 'for_each'))
      )
        return undefined
      return unknownRef(`${address}.certificates`, location, {
        fetchedCertificate: { address, location: view.location, url: view.value('url') },
      })
    default:
      return undefined
  }
}

export function eksIssuer(address: string, location: Location): UnknownValue {
  const issuer = `${address}.identity[0].oidc[0].issuer`
  return unknownTemplate(
    [{ text: 'https://' }, { ref: `replace(${issuer}, "https://", "")`, isHostPath: true }],
    location,
  )
}

/**
 * `identity[0].oidc[0].issuer`: `https://oidc.eks.<region>.amazonaws.com/id/<ID>`, written as
 * `https://` and the host/path, so that the scheme shows where the issuer is used as a key and
 * `replace(…, "https://", "")` or `trimprefix` leave the same host/path reference.
 */
function eksIdentity(address: string, location: Location): HclValue {
  const value = eksIssuer(address, location)
  const oidc = objectValue([{ key: 'issuer', keyLocation: location, value }], location)
  return tupleValue(
    [objectValue([{ key: 'oidc', keyLocation: location, value: tupleValue([oidc], location) }], location)],
    location,
  )
}
