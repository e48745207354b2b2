import type { Location } from '../../../model/location.js'
import type { BlockView } from '../block-view.js'
import { decodeJson, encodeJson } from '../documents.js'
import { EvalError } from '../errors.js'
import {
  expressionOf,
  objectEntry,
  objectValue,
  scalarString,
  stringValue,
  tupleValue,
  unknownRef,
  type HclValue,
  type ObjectEntryValue,
} from '../values.js'

/**
 * `data "aws_iam_policy_document"`: its `json`, a string that remembers the policy it encodes as an
 * HCL value whose parts point at the HCL that wrote them (the statement block, the condition's
 * `variable` and `values`). `source_policy_documents` come first, this document's statements
 * replace those with the same Sid, and `override_policy_documents` replace or add last.
 */
export function policyDocumentJson(view: BlockView, location: Location): HclValue {
  const statements: HclValue[] = []
  const sidOf = (statement: HclValue): string | undefined => {
    const sid = objectEntry(statement, 'Sid')?.value
    return sid ? scalarString(sid) : undefined
  }
  const merge = (statement: HclValue): void => {
    const sid = sidOf(statement)
    const existing = sid ? statements.findIndex((other) => sidOf(other) === sid) : -1
    if (existing >= 0) statements[existing] = statement
    else statements.push(statement)
  }
  for (const statement of documentStatements(view.value('source_policy_documents'), location)) merge(statement)
  for (const block of view.blocks('statement')) merge(statementValue(block))
  for (const statement of documentStatements(view.value('override_policy_documents'), location)) merge(statement)

  const entries: ObjectEntryValue[] = []
  const version = view.value('version')
  entries.push({
    key: 'Version',
    keyLocation: view.attribute('version')?.location ?? view.location,
    value: version && version.kind !== 'null' ? version : stringValue('2012-10-17', view.location),
  })
  const id = view.value('policy_id')
  if (id && id.kind !== 'null')
    entries.push({ key: 'Id', keyLocation: view.attribute('policy_id')!.location, value: id })
  entries.push({ key: 'Statement', keyLocation: view.location, value: tupleValue(statements, view.location) })
  return encodeJson({ ...objectValue(entries, view.location), endLine: view.block.endLine }, location)
}

/** The statements of other policy documents (JSON strings): their HCL values when known, else a reference. */
function documentStatements(list: HclValue | undefined, location: Location): HclValue[] {
  if (!list || list.kind === 'null') return []
  if (list.kind === 'unknown') return [unknownRef(`${expressionOf(list)}[*].Statement`, list.location)]
  if (list.kind !== 'tuple') return []
  const statements: HclValue[] = []
  for (const item of list.items) {
    let document: HclValue | undefined
    if ((item.kind === 'string' || item.kind === 'unknown') && item.document) document = item.document
    else if (item.kind === 'string') {
      try {
        document = decodeJson(item)
      } catch (error) {
        if (!(error instanceof EvalError)) throw error
      }
    }
    if (!document) {
      statements.push(
        item.kind === 'unknown'
          ? unknownRef(`${expressionOf(item)}.Statement`, item.location)
          : unknownRef('(invalid policy document)', item.location ?? location),
      )
      continue
    }
    const inner = objectEntry(document, 'Statement')?.value
    if (inner?.kind === 'tuple') statements.push(...inner.items)
    else if (inner) statements.push(inner)
  }
  return statements
}

function statementValue(block: BlockView): HclValue {
  const entries: ObjectEntryValue[] = []
  const add = (key: string, attributeName: string): void => {
    const value = block.value(attributeName)
    if (value && value.kind !== 'null')
      entries.push({ key, keyLocation: block.attribute(attributeName)!.location, value })
  }
  if (block.unknownExpansion) return unknownRef('dynamic statement', block.location)
  add('Sid', 'sid')
  const effect = block.value('effect')
  entries.push({
    key: 'Effect',
    keyLocation: block.attribute('effect')?.location ?? block.location,
    value: effect && effect.kind !== 'null' ? effect : stringValue('Allow', block.location),
  })
  add('Action', 'actions')
  add('NotAction', 'not_actions')
  add('Resource', 'resources')
  add('NotResource', 'not_resources')
  const principals = principalValue(block.blocks('principals'))
  if (principals)
    entries.push({ key: 'Principal', keyLocation: block.blocks('principals')[0]!.location, value: principals })
  const notPrincipals = principalValue(block.blocks('not_principals'))
  if (notPrincipals)
    entries.push({
      key: 'NotPrincipal',
      keyLocation: block.blocks('not_principals')[0]!.location,
      value: notPrincipals,
    })
  const conditions = conditionValue(block.blocks('condition'))
  if (conditions)
    entries.push({ key: 'Condition', keyLocation: block.blocks('condition')[0]!.location, value: conditions })
  return { ...objectValue(entries, block.location), endLine: block.block.endLine }
}

/** `principals { type, identifiers }` blocks, one entry per type; `type = "*"` with `["*"]` is `"Principal": "*"`. */
function principalValue(blocks: BlockView[]): HclValue | undefined {
  if (blocks.length === 0) return undefined
  const entries: ObjectEntryValue[] = []
  for (const block of blocks) {
    const type = block.value('type')
    const identifiers = block.value('identifiers') ?? tupleValue([], block.location)
    const typeText = type ? scalarString(type) : undefined
    if (block.unknownExpansion || typeText === undefined) return unknownRef('dynamic principals', block.location)
    if (typeText === '*') return stringValue('*', block.attribute('type')!.location)
    const existing = entries.find((entry) => entry.key === typeText)
    const items = identifiers.kind === 'tuple' ? identifiers.items : [identifiers]
    if (existing && existing.value.kind === 'tuple')
      existing.value = tupleValue([...existing.value.items, ...items], existing.value.location)
    else
      entries.push({
        key: typeText,
        keyLocation: block.attribute('type')!.location,
        value: identifiers.kind === 'tuple' ? identifiers : tupleValue(items, identifiers.location),
      })
  }
  return objectValue(entries, blocks[0]!.location)
}

/** `condition { test, variable, values }` blocks: one operator per test, one key per variable (values joined). */
function conditionValue(blocks: BlockView[]): HclValue | undefined {
  if (blocks.length === 0) return undefined
  const operators: ObjectEntryValue[] = []
  for (const block of blocks) {
    const test = block.value('test')
    const variable = block.value('variable')
    const values = block.value('values') ?? tupleValue([], block.location)
    if (block.unknownExpansion || !test || !variable) {
      operators.push({
        key: 'dynamic condition',
        keyLocation: block.location,
        keyValue: unknownRef('dynamic condition', block.location),
        value: unknownRef('dynamic condition', block.location),
      })
      continue
    }
    const testLocation = block.attribute('test')!.location
    const variableLocation = block.attribute('variable')!.location
    const operatorKey = keyOf(test, testLocation)
    let operator = operators.find(
      (entry) => entry.key === operatorKey.key && entry.keyValue === undefined && operatorKey.keyValue === undefined,
    )
    if (!operator) {
      operator = { ...operatorKey, value: objectValue([], testLocation) }
      operators.push(operator)
    }
    const keys = operator.value as Extract<HclValue, { kind: 'object' }>
    const key = keyOf(variable, variableLocation)
    const valuesValue = values.kind === 'tuple' ? values : tupleValue([values], values.location)
    const existing =
      key.keyValue === undefined
        ? keys.entries.find((entry) => entry.key === key.key && entry.keyValue === undefined)
        : undefined
    if (existing && existing.value.kind === 'tuple')
      existing.value = tupleValue([...existing.value.items, ...valuesValue.items], existing.value.location)
    else
      keys.entries.push({
        ...key,
        value: { ...valuesValue, location: block.attribute('values')?.location ?? block.location },
      })
  }
  return objectValue(operators, blocks[0]!.location)
}

function keyOf(value: HclValue, location: Location): Pick<ObjectEntryValue, 'key' | 'keyLocation' | 'keyValue'> {
  if (value.kind === 'unknown') return { key: expressionOf(value), keyLocation: location, keyValue: value }
  return { key: scalarString(value) ?? '', keyLocation: location }
}
