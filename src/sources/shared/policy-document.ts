import type { SourceFinding } from '../../model/finding.js'
import { formatLocation, type Location } from '../../model/location.js'
import type {
  ConditionBlock,
  ConditionEntry,
  KeyAt,
  PolicyDocument,
  PrincipalBlock,
  PrincipalEntry,
  Statement,
  ValueList,
} from '../../model/policy.js'
import type { ObjectEntry, ObjectNode, TreeNode } from '../../model/tree.js'
import { known, symbolic, type Value } from '../../model/value.js'

export interface ReadPolicyDocumentOptions {
  /** Rule id of the grammar findings the reader reports; `trust-policy-invalid` unless told. */
  ruleId?: string
}

export interface ReadPolicyDocumentResult {
  document: PolicyDocument
  /** Grammar problems the document cannot show: duplicate keys, and elements of a shape IAM never accepts. */
  findings: SourceFinding[]
}

const DOCUMENT_KEYS = new Set(['Version', 'Id', 'Statement'])
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
])

/**
 * Reads an IAM policy document from a located tree (JSON, YAML, a Terraform `jsonencode({...})`
 * object or `aws_iam_policy_document` data) into a PolicyDocument, as written. Any scalar may be
 * symbolic. Everything the document can express is left to the `trust-policy-invalid` rule
 * (missing Effect, a Resource, an unknown operator or Version); the findings returned here are
 * only what the document cannot show: duplicate keys, and an element whose shape IAM never
 * accepts (a statement that is not an object, an array Principal, an object where a list of
 * strings belongs). Where a key is written twice, a single-valued field takes the last (as JSON
 * readers do) and condition entries keep both. Never throws.
 */
export function readPolicyDocument(
  root: TreeNode,
  origin: string,
  options: ReadPolicyDocumentOptions = {},
): ReadPolicyDocumentResult {
  const reader = new PolicyReader(origin, options.ruleId ?? 'trust-policy-invalid')
  const document = reader.readDocument(root)
  reader.reportDuplicateKeys(root, [])
  return { document, findings: reader.findings }
}

/**
 * The length IAM counts against the trust-policy quota: the document without whitespace outside
 * strings. undefined when any part of the tree is symbolic.
 */
export function minifiedLength(root: TreeNode): number | undefined {
  const text = minifiedText(root)
  return text === undefined ? undefined : text.length
}

/** The tree as compact JSON (duplicate keys kept, numbers as written); undefined when any part is symbolic. */
export function minifiedText(node: TreeNode): string | undefined {
  if (node.kind === 'scalar') {
    if (node.value.kind === 'symbolic') return undefined
    if (node.type === 'string') return JSON.stringify(node.value.value)
    if (node.type === 'null') return 'null'
    return node.value.value
  }
  const parts: string[] = []
  if (node.kind === 'array') {
    for (const item of node.items) {
      const text = minifiedText(item)
      if (text === undefined) return undefined
      parts.push(text)
    }
    return `[${parts.join(',')}]`
  }
  for (const entry of node.entries) {
    if (entry.keyValue?.kind === 'symbolic') return undefined
    const text = minifiedText(entry.value)
    if (text === undefined) return undefined
    parts.push(`${JSON.stringify(entry.key)}:${text}`)
  }
  return `{${parts.join(',')}}`
}

class PolicyReader {
  readonly findings: SourceFinding[] = []

  constructor(
    private readonly origin: string,
    private readonly ruleId: string,
  ) {}

  readDocument(root: TreeNode): PolicyDocument {
    const document: PolicyDocument = {
      location: root.location,
      origin: this.origin,
      hasStatement: false,
      statements: [],
      minifiedLength: minifiedLength(root),
      unknownKeys: [],
    }
    if (root.kind === 'scalar' && root.value.kind === 'symbolic') {
      document.hasStatement = true
      document.symbolicStatements = [root.value]
      return document
    }
    if (root.kind !== 'object') {
      this.report(
        root.location,
        `The policy document in ${this.origin} is ${describeKind(root)}, not a JSON object with Version and Statement`,
        'document',
      )
      return document
    }
    const last = lastEntries(root)
    for (const item of root.entries) {
      if (!DOCUMENT_KEYS.has(item.key)) document.unknownKeys.push(keyAt(item))
      else if (last.get(item.key) !== item) continue
      else if (item.key === 'Version') document.version = valueOf(item.value)
      else if (item.key === 'Statement') {
        document.statementLocation = item.keyLocation
        this.readStatements(item.value, document)
      }
    }
    return document
  }

  private readStatements(node: TreeNode, document: PolicyDocument): void {
    if (node.kind === 'scalar' && node.value.kind === 'symbolic') {
      document.hasStatement = true
      document.symbolicStatements = [node.value]
      return
    }
    if (node.kind === 'object') {
      document.hasStatement = true
      document.statements.push(this.readStatement(node, 0))
      return
    }
    if (node.kind !== 'array') return
    document.hasStatement = true
    node.items.forEach((item, index) => {
      if (item.kind === 'object') document.statements.push(this.readStatement(item, index))
      else if (item.kind === 'scalar' && item.value.kind === 'symbolic')
        (document.symbolicStatements ??= []).push(item.value)
      else
        this.report(
          item.location,
          `Statement[${index}] in ${this.origin} is ${describeKind(item)}; each statement must be an object with Effect, Principal and Action`,
          `statement:${index}`,
        )
    })
  }

  private readStatement(node: ObjectNode, index: number): Statement {
    const statement: Statement = { index, location: node.location, unknownKeys: [] }
    const last = lastEntries(node)
    for (const item of node.entries) {
      if (!STATEMENT_KEYS.has(item.key)) {
        statement.unknownKeys.push(keyAt(item))
        continue
      }
      if (last.get(item.key) !== item) continue
      switch (item.key) {
        case 'Sid':
          statement.sid = valueOf(item.value)
          break
        case 'Effect':
          statement.effect = valueOf(item.value)
          break
        case 'Principal':
          statement.principal = this.readPrincipal(item, index)
          break
        case 'NotPrincipal':
          statement.notPrincipal = this.readPrincipal(item, index)
          break
        case 'Action':
          statement.action = this.readValueList(item, `Statement[${index}].Action`)
          break
        case 'NotAction':
          statement.notAction = this.readValueList(item, `Statement[${index}].NotAction`)
          break
        case 'Resource':
        case 'NotResource':
          statement.resource ??= keyAt(item)
          break
        case 'Condition':
          this.readCondition(item, statement)
          break
      }
    }
    return statement
  }

  private readPrincipal(item: ObjectEntry, index: number): PrincipalBlock {
    const block: PrincipalBlock = { location: item.keyLocation, entries: [] }
    const node = item.value
    if (node.kind === 'scalar') {
      block.wildcard = node.value
      return block
    }
    if (node.kind === 'array') {
      this.report(
        node.location,
        `Statement[${index}].${item.key} in ${this.origin} is an array; write "*" or an object such as {"Federated": "<provider ARN>"}`,
        `statement:${index}:${item.key}`,
      )
      return block
    }
    for (const typed of node.entries) {
      const entry: PrincipalEntry = {
        type: typed.key,
        typeLocation: typed.keyLocation,
        values: this.readValues(typed.value, `Statement[${index}].${item.key}.${typed.key}`),
      }
      block.entries.push(entry)
    }
    return block
  }

  private readValueList(item: ObjectEntry, where: string): ValueList {
    return { location: item.keyLocation, values: this.readValues(item.value, where) }
  }

  /** A string or an array of strings (numbers and booleans as their text); other shapes are reported. */
  private readValues(node: TreeNode, where: string): Value[] {
    if (node.kind === 'scalar') return [node.value]
    if (node.kind === 'object') {
      this.report(
        node.location,
        `${where} in ${this.origin} is an object; it must be a string or a list of strings`,
        where,
      )
      return []
    }
    const values: Value[] = []
    node.items.forEach((item, index) => {
      if (item.kind === 'scalar') values.push(item.value)
      else
        this.report(
          item.location,
          `${where}[${index}] in ${this.origin} is ${describeKind(item)}; it must be a string`,
          `${where}[${index}]`,
        )
    })
    return values
  }

  private readCondition(item: ObjectEntry, statement: Statement): void {
    const block: ConditionBlock = { location: item.keyLocation, entries: [] }
    statement.condition = block
    const node = item.value
    const where = `Statement[${statement.index}].Condition`
    if (node.kind === 'scalar' && node.value.kind === 'symbolic') {
      ;(statement.symbolicConditions ??= []).push(node.value)
      return
    }
    if (node.kind !== 'object') {
      this.report(
        node.location,
        `${where} in ${this.origin} is ${describeKind(node)}; it must be an object of operators such as {"StringEquals": {...}}`,
        where,
      )
      return
    }
    for (const operatorEntry of node.entries) {
      const operatorBlock = operatorEntry.value
      const operatorWhere = `${where}.${operatorEntry.key}`
      if (operatorBlock.kind === 'scalar' && operatorBlock.value.kind === 'symbolic') {
        ;(statement.symbolicConditions ??= []).push(operatorBlock.value)
        continue
      }
      if (operatorBlock.kind !== 'object') {
        this.report(
          operatorBlock.location,
          `${operatorWhere} in ${this.origin} is ${describeKind(operatorBlock)}; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"}`,
          operatorWhere,
        )
        continue
      }
      const operatorReference = operatorEntry.keyValue?.kind === 'symbolic' ? operatorEntry.keyValue : undefined
      for (const keyed of operatorBlock.entries) {
        const entry: ConditionEntry = {
          operator: operatorEntry.key,
          operatorLocation: operatorEntry.keyLocation,
          key: keyed.keyValue ?? known(keyed.key, keyed.keyLocation),
          keyLocation: keyed.keyLocation,
          values: this.readValues(keyed.value, `${operatorWhere}["${keyed.key}"]`),
          valuesLocation: keyed.value.location,
        }
        if (operatorReference) entry.operatorReference = operatorReference
        block.entries.push(entry)
      }
    }
  }

  /** Every object of the tree, at every depth: a key written twice at the same level. */
  reportDuplicateKeys(node: TreeNode, path: readonly string[]): void {
    if (node.kind === 'array') {
      node.items.forEach((item, index) => this.reportDuplicateKeys(item, [...path, `[${index}]`]))
      return
    }
    if (node.kind !== 'object') return
    const firstByKey = new Map<string, Location>()
    for (const item of node.entries) {
      const first = firstByKey.get(item.key)
      if (first) {
        const where = path.length === 0 ? 'the top level' : path.join('').replace(/^\./, '')
        this.findings.push({
          ruleId: this.ruleId,
          location: item.keyLocation,
          message: `Duplicate key "${item.key}" in ${where} of ${this.origin} (first at ${formatLocation(first)}): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate`,
          related: [{ location: first, message: `first "${item.key}"` }],
          key: `duplicate-key ${this.origin} ${path.join('')}.${item.key}`,
        })
      } else {
        firstByKey.set(item.key, item.keyLocation)
      }
      this.reportDuplicateKeys(item.value, [...path, `.${item.key}`])
    }
  }

  private report(location: Location, message: string, what: string): void {
    this.findings.push({ ruleId: this.ruleId, location, message, key: `shape ${this.origin} ${what}` })
  }
}

/** A scalar's value; any other node as its compact JSON text, so that a value check names what was written. */
function valueOf(node: TreeNode): Value {
  if (node.kind === 'scalar') return node.value
  const text = minifiedText(node)
  return text === undefined ? symbolic(`(${describeKind(node)})`, node.location) : known(text, node.location)
}

/** The last entry of each key: where a key is written twice, JSON readers (JSON.parse, Go, Python) keep the last. */
function lastEntries(node: ObjectNode): Map<string, ObjectEntry> {
  return new Map(node.entries.map((item) => [item.key, item]))
}

function keyAt(item: ObjectEntry): KeyAt {
  return { key: item.key, location: item.keyLocation }
}

function describeKind(node: TreeNode): string {
  if (node.kind === 'object') return 'an object'
  if (node.kind === 'array') return 'an array'
  if (node.value.kind === 'symbolic') return 'a reference'
  if (node.type === 'null') return 'null'
  if (node.type !== 'string') return `the ${node.type} ${node.value.value}`
  const text = node.value.value
  return `the string ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)}`
}
