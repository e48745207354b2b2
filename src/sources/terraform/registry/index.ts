import type { CalledModule } from '../context.js'
import type { ModuleCallRequest } from '../module.js'
import { BlueprintsAddonModule } from './eks-blueprints-addon.js'
import { BlueprintsAddonsModule } from './eks-blueprints-addons.js'
import { AssumableRoleWithOidcModule } from './iam-assumable-role-with-oidc.js'
import { EksModule } from './eks.js'
import { KarpenterModule } from './eks-karpenter.js'
import { IrsaRoleModule } from './iam-role-for-service-accounts.js'

/** terraform-aws-iam's IRSA role module: `…-eks` up to v5, renamed without the suffix in v6. */
const IRSA_ROLE_SOURCE =
  /terraform-aws-modules\/(?:iam\/aws|terraform-aws-iam(?:\.git)?)\/\/modules\/iam-role-for-service-accounts(-eks)?\/?(?:[?#].*)?$/
/** terraform-aws-iam's older OIDC role module (v4, v5; removed in v6). */
const ASSUMABLE_ROLE_WITH_OIDC_SOURCE =
  /terraform-aws-modules\/(?:iam\/aws|terraform-aws-iam(?:\.git)?)\/\/modules\/iam-assumable-role-with-oidc\/?(?:[?#].*)?$/
/** terraform-aws-eks's Karpenter submodule. */
const KARPENTER_SOURCE =
  /terraform-aws-modules\/(?:eks\/aws|terraform-aws-eks(?:\.git)?)\/\/modules\/karpenter\/?(?:[?#].*)?$/
/** terraform-aws-eks, the root module only. */
const EKS_SOURCE = /terraform-aws-modules\/(?:eks\/aws|terraform-aws-eks(?:\.git)?)\/?(?:[?#].*)?$/

/** aws-ia/terraform-aws-eks-blueprints-addon, from the registry or GitHub. */
const BLUEPRINTS_ADDON_SOURCE =
  /^(?:aws-ia\/eks-blueprints-addon\/aws|(?:git::https:\/\/|https:\/\/)?github\.com\/aws-ia\/terraform-aws-eks-blueprints-addon(?:\.git)?)\/?(?:[?#].*)?$/

/** aws-ia/terraform-aws-eks-blueprints-addons (the add-ons module), from the registry or GitHub. */
const BLUEPRINTS_ADDONS_SOURCE =
  /^(?:aws-ia\/eks-blueprints-addons\/aws|(?:git::https:\/\/|https:\/\/)?github\.com\/aws-ia\/terraform-aws-eks-blueprints-addons(?:\.git)?)\/?(?:[?#].*)?$/

/**
 * Registry modules whose behaviour irsa-guard knows without their source (read from their public
 * source at the versions each file names): terraform-aws-iam's IRSA role modules (v4/v5
 * `iam-assumable-role-with-oidc`, v5 `iam-role-for-service-accounts-eks`, v6
 * `iam-role-for-service-accounts`), terraform-aws-eks (its OIDC provider, outputs and add-ons) and
 * its v19/v20 `modules/karpenter`, and aws-ia's `eks-blueprints-addon` and `eks-blueprints-addons` 1.x.
 * Any other remote module, or another major version, is opaque: its outputs are references.
 */
export function registryModule(call: ModuleCallRequest): CalledModule | undefined {
  const source = call.source.trim()
  const irsa = IRSA_ROLE_SOURCE.exec(source)
  if (irsa) return new IrsaRoleModule(call, irsa[1] ? 5 : 6, majorVersion(call))
  if (ASSUMABLE_ROLE_WITH_OIDC_SOURCE.test(source)) {
    const major = majorVersion(call)
    // v3 and older name the outputs this_iam_role_*; not read, so opaque.
    if (major === undefined || major === 4 || major === 5) return new AssumableRoleWithOidcModule(call)
    return undefined
  }
  if (KARPENTER_SOURCE.test(source)) {
    const major = pinnedMajorVersion(call)
    // A pinned major only: an open constraint (or none) may select another generation.
    return major === 19 || major === 20 || major === 21 ? new KarpenterModule(call, major) : undefined
  }
  if (EKS_SOURCE.test(source)) return new EksModule(call, majorVersion(call))
  // 1.x only: a later major version may change what the module creates.
  if (BLUEPRINTS_ADDON_SOURCE.test(source) && (majorVersion(call) ?? 1) === 1) return new BlueprintsAddonModule(call)
  if (BLUEPRINTS_ADDONS_SOURCE.test(source) && (majorVersion(call) ?? 1) === 1) return new BlueprintsAddonsModule(call)
  return undefined
}

/** The major version a `version` constraint (`~> 5.0`, `>= 20.0, < 21.0`, `6.1.0`) or a git `?ref=v5.39.0` selects. */
export function majorVersion(call: Pick<ModuleCallRequest, 'source' | 'version'>): number | undefined {
  const constraint = call.version ?? /[?&]ref=([^&#]+)/.exec(call.source)?.[1]
  const match = constraint ? /^\s*(?:~>|>=|=|\^|>)?\s*v?(\d+)/.exec(constraint) : undefined
  return match ? Number(match[1]) : undefined
}

/**
 * The major version when the constraint allows no other: an exact version (`20.8.4`, `= 20.8.4`,
 * `?ref=v20.8.4`), `~> 20.1` (a pessimistic constraint with a minor), or a range whose upper bound
 * stays in the major (`>= 20.0, < 21.0`). `>= 19.0` or `~> 19` may select a later major.
 */
export function pinnedMajorVersion(call: Pick<ModuleCallRequest, 'source' | 'version'>): number | undefined {
  const constraint = call.version ?? /[?&]ref=([^&#]+)/.exec(call.source)?.[1]
  if (!constraint) return undefined
  const parts = constraint.split(',').map((part) => part.trim())
  let major: number | undefined
  let bounded = false
  for (const part of parts) {
    const match = /^(~>|>=|<=|=|>|<|!=)?\s*v?(\d+)(?:\.(\d+))?(?:\.\d+)?(?:[-+][0-9A-Za-z.-]*)?$/.exec(part)
    if (!match) return undefined
    const [, operator = '=', majorText, minorText] = match
    const value = Number(majorText)
    if (operator === '=' || (operator === '~>' && minorText !== undefined)) {
      major ??= value
      if (major !== value) return undefined
      bounded = true
    } else if (operator === '>=' || operator === '>') {
      major ??= value
      if (major !== value) return undefined
    } else if (operator === '<') {
      if (major === undefined || (!(value === major + 1 && Number(minorText ?? 0) === 0) && value !== major))
        return undefined
      bounded = true
    } else if (operator === '<=') {
      if (major === undefined || value !== major) return undefined
      bounded = true
    }
  }
  return bounded ? major : undefined
}
