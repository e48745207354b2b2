import { parseJsonTree } from '../shared/json-tree.js'
import { appendResult, emptyResult, perFileSource, type SourceFile, type SourceResult } from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { SHORT_TAGS } from './intrinsics.js'
import { readCloudFormation } from './template.js'

export { isCloudFormation, readCloudFormation } from './template.js'

/** CloudFormation templates in JSON or YAML (short intrinsic tags included), and CDK's synthesised templates. */
export const cloudFormationSource = perFileSource('cloudformation', ['cloudformation'], (file) =>
  readCloudFormationFile(file),
)

export function readCloudFormationFile(file: SourceFile): SourceResult {
  const result = emptyResult()
  if (/\.json$/i.test(file.path)) {
    const parsed = parseJsonTree(file.path, file.text)
    if (!parsed.ok) {
      result.findings.push({
        ruleId: 'parse-error',
        location: parsed.location,
        message: `Cannot parse the CloudFormation template ${file.path} as JSON: ${parsed.message}; nothing in it was checked`,
      })
      return result
    }
    return readCloudFormation(parsed.root, file.path)
  }
  result.suppressions.push(...commentSuppressions(file.path, file.text, ['#']))
  // CloudFormation reads YAML 1.1.
  const tree = parseYamlTree(file.path, file.text, { version: '1.1', shortTags: SHORT_TAGS })
  for (const finding of tree.findings)
    result.findings.push({ ...finding, message: `${finding.message}; nothing in this template was checked` })
  for (const document of tree.documents)
    if (document.root) appendResult(result, readCloudFormation(document.root, file.path))
  return result
}
