import type { AwsConfigFile, AwsProfile, SourceKind } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import { known } from '../../model/value.js'

/** Where a character of the config text is in the scanned file (0-based line and column of the text). */
export type Locate = (line: number, column: number) => Location

/** Settings of the shared config file that start or continue a role chain. */
const SETTINGS = [
  'role_arn',
  'web_identity_token_file',
  'source_profile',
  'external_id',
  'credential_source',
  'aws_access_key_id',
] as const

/**
 * The profiles of an AWS shared config file (`~/.aws/config`): `[default]`, `[profile name]`, and
 * (as the SDKs also accept) `[name]`; `key = value` lines, `#` and `;` comments, indented
 * sub-settings skipped. Never throws; text that is not a config file yields no profiles.
 */
export function parseAwsConfig(
  text: string,
  locate: Locate,
  source: SourceKind,
  configFile: AwsConfigFile,
): AwsProfile[] {
  const profiles: AwsProfile[] = []
  let current: AwsProfile | undefined
  // Indentation of a `name =` line whose value is the indented lines below it (`s3 =`).
  let nestingIndent: number | undefined
  text.split(/\r?\n/).forEach((raw, index) => {
    const indent = raw.length - raw.trimStart().length
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return
    const section = /^\[\s*([^\]]*?)\s*\]$/.exec(line)
    if (section) {
      current = profileOf(section[1]!, locate(index, indent), source, configFile)
      if (current) profiles.push(current)
      nestingIndent = undefined
      return
    }
    if (nestingIndent !== undefined && indent > nestingIndent) return
    nestingIndent = undefined
    const setting = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line)
    if (!setting || !current) return
    if (setting[2] === '') {
      nestingIndent = indent
      return
    }
    const key = setting[1]!.toLowerCase() as (typeof SETTINGS)[number]
    if (!SETTINGS.includes(key)) return
    const value = setting[2]!.trim()
    const valueLocation = locate(index, indent + line.length - setting[2]!.length)
    switch (key) {
      case 'role_arn':
        current.roleArn = known(value, valueLocation)
        break
      case 'web_identity_token_file':
        current.webIdentityTokenFile = known(value, valueLocation)
        break
      case 'source_profile':
        current.sourceProfile = value
        current.sourceProfileLocation = valueLocation
        break
      case 'external_id':
        current.externalId = known(value, valueLocation)
        break
      case 'credential_source':
        current.credentialSource = known(value, valueLocation)
        break
      case 'aws_access_key_id':
        current.staticKeys = valueLocation
        break
    }
  })
  return profiles
}

function profileOf(
  header: string,
  location: Location,
  source: SourceKind,
  configFile: AwsConfigFile,
): AwsProfile | undefined {
  const words = header.split(/\s+/)
  let name: string | undefined
  if (words.length === 1 && !['sso-session', 'services'].includes(words[0]!)) name = words[0]
  else if (words.length === 2 && words[0] === 'profile') name = words[1]
  return name ? { source, location, name, configFile } : undefined
}

/** Whether a text is (or quotes) an AWS shared config file with a role chain setting or static keys. */
export function mentionsProfiles(text: string): boolean {
  return (
    /^\s*\[[^\]]+\]\s*$/m.test(text) &&
    /^\s*(role_arn|web_identity_token_file|source_profile|aws_access_key_id)\s*=/m.test(text)
  )
}
