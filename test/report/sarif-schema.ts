import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const Ajv = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default

/**
 * A validator for the SARIF 2.1.0 JSON schema (2.1.0-rtm.5, JSON Schema draft-04) as published on
 * npm inside @microsoft/jest-sarif; the OASIS errata01 file itself is not on npm.
 */
export function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  )
  // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  return ajv.compile(schema)
}
