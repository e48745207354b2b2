import type { Location } from '../../model/location.js'
import type { Attribute, Block, Body, Expr, HclFile, ObjectItem, Step, TemplatePart } from './ast.js'
import type { HclParser, SyntaxNode } from './loader.js'

const BINARY_OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||'])
const MAX_DEPTH = 400

/**
 * Parses an HCL file with tree-sitter and reduces the tree to the AST in ast.ts. Never throws:
 * the first syntax error is reported on the file, and what parsed around it is kept (an ERROR
 * node inside a body is skipped; an unparsable expression becomes `invalid`).
 */
export function parseHcl(parser: HclParser, path: string, text: string, options: { lineOffset?: number } = {}): HclFile {
  const tree = parser.parse(text)
  if (!tree) return { path, text, body: { attributes: [], blocks: [] }, error: { location: { path, line: 1, column: 1 }, message: 'the parser returned nothing' } }
  try {
    const reader = new TreeReader(path, text, options.lineOffset ?? 0)
    const root = tree.rootNode
    const bodyNode = root.namedChildren.find((child) => child?.type === 'body')
    const body = bodyNode ? reader.body(bodyNode, 0) : { attributes: [], blocks: [] }
    const file: HclFile = { path, text, body }
    if (root.hasError) {
      const error = firstError(root)
      if (error) file.error = { location: reader.location(errorIndex(error, text)), message: describeError(error, text) }
      // Recovery may nest the blocks after an error inside the broken one: they are still the file's own.
      body.blocks.push(...hoistTopLevelBlocks(body.blocks, 0))
    }
    return file
  } finally {
    tree.delete()
  }
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  if (node.isError || node.isMissing) return node
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      const found = firstError(child)
      if (found) return found
    }
  }
  return undefined
}

/** Where to point: an ERROR node's start; for a MISSING node, the last character written before it. */
function errorIndex(node: SyntaxNode, text: string): number {
  if (!node.isMissing) return node.startIndex
  let index = node.startIndex - 1
  while (index > 0 && /\s/.test(text[index]!)) index--
  return Math.max(0, index)
}

function describeError(node: SyntaxNode, text: string): string {
  if (node.isMissing) {
    const end = errorIndex(node, text) + 1
    const line = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim()
    const closing = ['}', ']', ')', '"', 'block_end', 'object_end', 'tuple_end', 'quoted_template_end'].includes(node.type)
    return closing ? `"${line}" is not closed (a bracket or quote is missing after it)` : `"${line}" is incomplete`
  }
  const snippet = text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 40)).split('\n')[0]!.trim()
  return snippet === '' ? 'unexpected end of input' : `unexpected ${JSON.stringify(snippet)}`
}

/** Block types that exist only at the top level of a file. */
const TOP_LEVEL_BLOCKS = new Set(['resource', 'data', 'module', 'variable', 'output', 'locals', 'provider', 'terraform', 'moved', 'import', 'check', 'removed'])

/** Removes top-level-only blocks nested (by error recovery) inside other blocks, and returns them. */
function hoistTopLevelBlocks(blocks: Block[], depth: number): Block[] {
  const hoisted: Block[] = []
  for (const block of blocks) {
    if (depth > 50) break
    const nested = block.body.blocks
    const kept = nested.filter((inner) => !TOP_LEVEL_BLOCKS.has(inner.type) || (inner.type === 'resource' || inner.type === 'data' ? inner.labels.length !== 2 : false))
    hoisted.push(...nested.filter((inner) => !kept.includes(inner)))
    block.body.blocks = kept
    hoisted.push(...hoistTopLevelBlocks(kept, depth + 1))
  }
  const deeper = hoisted.length > 0 ? hoistTopLevelBlocks(hoisted, depth + 1) : []
  return [...hoisted, ...deeper]
}

class TreeReader {
  private readonly lineStarts: number[] = [0]

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly lineOffset: number,
  ) {
    for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1)
  }

  location(index: number): Location {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle]! <= index) low = middle
      else high = middle - 1
    }
    return { path: this.path, line: low + 1 + this.lineOffset, column: index - this.lineStarts[low]! + 1 }
  }

  body(node: SyntaxNode, depth: number): Body {
    const body: Body = { attributes: [], blocks: [] }
    for (const child of node.namedChildren) {
      if (!child) continue
      if (child.type === 'attribute') {
        const attribute = this.attribute(child, depth)
        if (attribute) body.attributes.push(attribute)
      } else if (child.type === 'block') {
        const block = this.block(child, depth)
        if (block) body.blocks.push(block)
      }
    }
    return body
  }

  private attribute(node: SyntaxNode, depth: number): Attribute | undefined {
    const name = node.namedChildren.find((child) => child?.type === 'identifier')
    const expression = node.namedChildren.find((child) => child?.type === 'expression')
    if (!name) return undefined
    return {
      name: name.text,
      location: this.location(name.startIndex),
      expression: expression ? this.expression(expression, depth + 1) : { kind: 'invalid', location: this.location(node.endIndex) },
    }
  }

  private block(node: SyntaxNode, depth: number): Block | undefined {
    const children = node.namedChildren.filter((child): child is SyntaxNode => child !== null)
    const type = children[0]
    if (type?.type !== 'identifier' || depth > MAX_DEPTH) return undefined
    const labels: string[] = []
    for (const child of children.slice(1)) {
      if (child.type === 'identifier') labels.push(child.text)
      else if (child.type === 'string_lit') labels.push(this.stringLiteral(child))
      else break
    }
    const bodyNode = children.find((child) => child.type === 'body')
    const end = children.find((child) => child.type === 'block_end')
    return {
      type: type.text,
      labels,
      location: this.location(node.startIndex),
      endLine: this.location(end ? end.startIndex : node.endIndex).line,
      body: bodyNode ? this.body(bodyNode, depth + 1) : { attributes: [], blocks: [] },
    }
  }

  expression(node: SyntaxNode, depth: number): Expr {
    const location = this.location(node.startIndex)
    if (depth > MAX_DEPTH || node.isError || node.isMissing) return { kind: 'invalid', location }
    const children = node.children.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment')
    if (node.type === 'expression' && children.length === 1 && children[0]!.type === 'conditional') return this.conditional(children[0]!, depth)
    return this.term(children, depth, location)
  }

  /** A base term followed by attribute, index and splat steps (the grammar flattens these). */
  private term(nodes: SyntaxNode[], depth: number, location: Location): Expr {
    if (nodes.length === 0) return { kind: 'invalid', location }
    let base: Expr
    let rest: number
    if (nodes[0]!.type === '(') {
      base = nodes[1]?.type === 'expression' ? this.expression(nodes[1], depth + 1) : { kind: 'invalid', location }
      rest = nodes[2]?.type === ')' ? 3 : 2
    } else {
      base = this.base(nodes[0]!, depth)
      rest = 1
    }
    const steps: Step[] = []
    for (const node of nodes.slice(rest)) {
      const step = this.step(node, depth)
      if (step) steps.push(step)
      else return { kind: 'invalid', location: this.location(node.startIndex) }
    }
    return steps.length === 0 ? base : { kind: 'access', target: base, steps, location }
  }

  private step(node: SyntaxNode, depth: number): Step | undefined {
    if (node.type === 'get_attr') {
      const name = node.namedChildren.find((child) => child?.type === 'identifier')
      return name ? { kind: 'attr', name: name.text } : undefined
    }
    if (node.type === 'index') {
      const inner = node.namedChildren[0]
      if (inner?.type === 'legacy_index') {
        const digits = inner.text.replace(/^\./, '')
        return { kind: 'index', key: { kind: 'literal', value: Number(digits), location: this.location(inner.startIndex) } }
      }
      const key = inner?.namedChildren.find((child) => child?.type === 'expression')
      return key ? { kind: 'index', key: this.expression(key, depth + 1) } : undefined
    }
    if (node.type === 'splat') {
      const inner = node.namedChildren[0]
      if (!inner) return undefined
      const steps: Step[] = []
      for (const child of inner.namedChildren) {
        if (!child) continue
        const step = this.step(child, depth)
        if (step) steps.push(step)
      }
      return { kind: 'splat', steps }
    }
    return undefined
  }

  private base(node: SyntaxNode, depth: number): Expr {
    const location = this.location(node.startIndex)
    switch (node.type) {
      case 'literal_value':
        return this.literal(node)
      case 'template_expr': {
        const inner = node.namedChildren[0]
        if (inner?.type === 'quoted_template') return this.quotedTemplate(inner, depth)
        if (inner?.type === 'heredoc_template') return this.heredoc(inner, depth)
        return { kind: 'invalid', location }
      }
      case 'collection_value': {
        const inner = node.namedChildren[0]
        if (inner?.type === 'tuple') {
          const items = inner.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression').map((child) => this.expression(child, depth + 1))
          return { kind: 'tuple', items, location }
        }
        if (inner?.type === 'object') return this.object(inner, depth)
        return { kind: 'invalid', location }
      }
      case 'variable_expr':
        return { kind: 'variable', name: node.text, location }
      case 'function_call':
        return this.call(node, depth)
      case 'for_expr':
        return this.forExpression(node, depth)
      case 'operation':
        return this.operation(node, depth)
      case 'expression':
        return this.expression(node, depth + 1)
      default:
        return { kind: 'invalid', location }
    }
  }

  private literal(node: SyntaxNode): Expr {
    const location = this.location(node.startIndex)
    const inner = node.namedChildren[0]
    if (!inner) return { kind: 'invalid', location }
    switch (inner.type) {
      case 'numeric_lit': {
        const value = inner.text.startsWith('0x') ? Number.parseInt(inner.text.slice(2), 16) : Number(inner.text)
        return { kind: 'literal', value, location }
      }
      case 'bool_lit':
        return { kind: 'literal', value: inner.text === 'true', location }
      case 'null_lit':
        return { kind: 'literal', value: null, location }
      case 'string_lit':
        return this.quotedTemplate(inner, 0)
      default:
        return { kind: 'invalid', location }
    }
  }

  private stringLiteral(node: SyntaxNode): string {
    const expression = this.quotedTemplate(node, 0)
    return expression.kind === 'literal' && typeof expression.value === 'string' ? expression.value : node.text.slice(1, -1)
  }

  private quotedTemplate(node: SyntaxNode, depth: number): Expr {
    const children = node.children.filter((child): child is SyntaxNode => child !== null)
    const start = children[0]?.type === 'quoted_template_start' ? children[0].endIndex : node.startIndex
    const endNode = children[children.length - 1]
    const end = endNode?.type === 'quoted_template_end' ? endNode.startIndex : node.endIndex
    const inner = children.filter((child) => child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end')
    const parts = this.templateParts(inner, start, end, depth, unescapeQuoted)
    const textLocation = this.location(start)
    const lineAligned = !this.text.slice(start, end).includes('\\n')
    return templateOrLiteral(parts, this.location(node.startIndex), textLocation, lineAligned)
  }

  private heredoc(node: SyntaxNode, depth: number): Expr {
    const children = node.children.filter((child): child is SyntaxNode => child !== null)
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier')
    const opening = identifiers[0]
    const closing = identifiers.length > 1 ? identifiers[identifiers.length - 1] : undefined
    const location = this.location(node.startIndex)
    if (!opening || !closing || closing.isMissing) return { kind: 'invalid', location }
    const newline = this.text.indexOf('\n', opening.endIndex)
    const start = newline < 0 ? opening.endIndex : newline + 1
    const end = Math.max(start, this.text.lastIndexOf('\n', closing.startIndex - 1) + 1)
    const inner = children.filter((child) => child.startIndex >= start && child.endIndex <= end && child.type !== 'heredoc_identifier')
    const indented = children.some((child) => child.type === 'heredoc_start' && child.text === '<<-')
    const indent = indented ? commonIndent(this.text.slice(start, end)) : 0
    const unescape = (raw: string, offset: number): string => unescapeHeredoc(indent > 0 ? stripIndent(raw, indent, offset === start || this.text[offset - 1] === '\n') : raw)
    const parts = this.templateParts(inner, start, end, depth, unescape)
    return templateOrLiteral(parts, location, this.location(start), true)
  }

  /** Literal text is the source between structural children (tree-sitter leaves whitespace out of literal nodes). */
  private templateParts(
    children: SyntaxNode[],
    start: number,
    end: number,
    depth: number,
    unescape: (raw: string, offset: number) => string,
  ): TemplatePart[] {
    const parts: MarkedPart[] = []
    let cursor = start
    let index = 0
    const pushText = (to: number): void => {
      if (to > cursor) parts.push({ part: { kind: 'text', text: unescape(this.text.slice(cursor, to), cursor), location: this.location(cursor) } })
    }
    while (index < children.length) {
      const child = children[index]!
      if (child.type === 'template_literal' || child.type === 'comment') {
        index++
        continue
      }
      pushText(child.startIndex)
      if (child.type === 'template_interpolation') {
        parts.push(this.interpolation(child, depth))
        cursor = child.endIndex
        index++
      } else if (child.type === 'template_directive') {
        const directive = child.namedChildren[0]
        if (directive) parts.push(this.directive(directive, depth, unescape))
        cursor = child.endIndex
        index++
      } else {
        cursor = child.endIndex
        index++
      }
    }
    pushText(end)
    return applyStripMarkers(parts)
  }

  private interpolation(node: SyntaxNode, depth: number): MarkedPart {
    const children = node.children.filter((child): child is SyntaxNode => child !== null)
    const expression = children.find((child) => child.type === 'expression')
    const location = this.location(node.startIndex)
    return {
      part: { kind: 'interpolation', expression: expression ? this.expression(expression, depth + 1) : { kind: 'literal', value: '', location }, location },
      stripBefore: children[1]?.type === 'strip_marker',
      stripAfter: children[children.length - 2]?.type === 'strip_marker',
    }
  }

  private directive(node: SyntaxNode, depth: number, unescape: (raw: string, offset: number) => string): MarkedPart {
    const location = this.location(node.startIndex)
    const children = node.children.filter((child): child is SyntaxNode => child !== null)
    const opening = children[0]
    const closing = children[children.length - 1]
    const marks = { stripBefore: hasLeadingStrip(opening), stripAfter: hasTrailingStrip(closing) }
    if (node.type === 'template_if') {
      const elseIndex = children.findIndex((child) => child.type === 'template_else_intro')
      const condition = opening?.namedChildren.find((child) => child?.type === 'expression')
      const thenChildren = children.slice(1, elseIndex < 0 ? -1 : elseIndex)
      const elseChildren = elseIndex < 0 ? [] : children.slice(elseIndex + 1, -1)
      const thenEnd = elseIndex < 0 ? closing!.startIndex : children[elseIndex]!.startIndex
      return {
        part: {
          kind: 'if',
          condition: condition ? this.expression(condition, depth + 1) : { kind: 'invalid', location },
          then: this.templateParts(thenChildren, opening!.endIndex, thenEnd, depth + 1, unescape),
          otherwise: elseIndex < 0 ? [] : this.templateParts(elseChildren, children[elseIndex]!.endIndex, closing!.startIndex, depth + 1, unescape),
          location,
        },
        ...marks,
      }
    }
    const names = (opening?.namedChildren ?? []).filter((child): child is SyntaxNode => child?.type === 'identifier').map((child) => child.text)
    const collection = opening?.namedChildren.find((child) => child?.type === 'expression')
    const body = this.templateParts(children.slice(1, -1), opening!.endIndex, closing!.startIndex, depth + 1, unescape)
    const part: TemplatePart =
      names.length > 1
        ? { kind: 'for', keyName: names[0]!, valueName: names[1]!, collection: collection ? this.expression(collection, depth + 1) : { kind: 'invalid', location }, body, location }
        : { kind: 'for', valueName: names[0] ?? '_', collection: collection ? this.expression(collection, depth + 1) : { kind: 'invalid', location }, body, location }
    return { part, ...marks }
  }

  private object(node: SyntaxNode, depth: number): Expr {
    const items: ObjectItem[] = []
    for (const element of node.namedChildren) {
      if (element?.type !== 'object_elem') continue
      const keyNode = element.childForFieldName('key')
      const valueNode = element.childForFieldName('val')
      if (!keyNode || !valueNode) continue
      const key = this.expression(keyNode, depth + 1)
      const item: ObjectItem = { key, keyLocation: this.location(keyNode.startIndex), value: this.expression(valueNode, depth + 1) }
      if (key.kind === 'variable') item.keyName = key.name
      items.push(item)
    }
    return { kind: 'object', items, location: this.location(node.startIndex) }
  }

  private call(node: SyntaxNode, depth: number): Expr {
    const name = node.namedChildren.find((child) => child?.type === 'identifier')
    const argumentsNode = node.namedChildren.find((child) => child?.type === 'function_arguments')
    const args = (argumentsNode?.namedChildren ?? []).filter((child): child is SyntaxNode => child?.type === 'expression').map((child) => this.expression(child, depth + 1))
    const expandLast = (argumentsNode?.children ?? []).some((child) => child?.type === 'ellipsis')
    return { kind: 'call', name: name?.text ?? '', args, expandLast, location: this.location(node.startIndex) }
  }

  private forExpression(node: SyntaxNode, depth: number): Expr {
    const location = this.location(node.startIndex)
    const inner = node.namedChildren[0]
    if (!inner) return { kind: 'invalid', location }
    const intro = inner.namedChildren.find((child) => child?.type === 'for_intro')
    const names = (intro?.namedChildren ?? []).filter((child): child is SyntaxNode => child?.type === 'identifier').map((child) => child.text)
    const collectionNode = intro?.namedChildren.find((child) => child?.type === 'expression')
    const expressions = inner.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression').map((child) => this.expression(child, depth + 1))
    const conditionNode = inner.namedChildren.find((child) => child?.type === 'for_cond')?.namedChildren.find((child) => child?.type === 'expression')
    const collection: Expr = collectionNode ? this.expression(collectionNode, depth + 1) : { kind: 'invalid', location }
    const isObject = inner.type === 'for_object_expr'
    const result: Expr = {
      kind: 'for',
      valueName: names.length > 1 ? names[1]! : (names[0] ?? '_'),
      collection,
      valueExpr: (isObject ? expressions[1] : expressions[0]) ?? { kind: 'invalid', location },
      grouping: inner.namedChildren.some((child) => child?.type === 'ellipsis'),
      location,
    }
    if (names.length > 1) result.keyName = names[0]!
    if (isObject && expressions[0]) result.keyExpr = expressions[0]
    if (conditionNode) result.condition = this.expression(conditionNode, depth + 1)
    return result
  }

  private operation(node: SyntaxNode, depth: number): Expr {
    const location = this.location(node.startIndex)
    const inner = node.namedChildren[0]
    if (!inner) return { kind: 'invalid', location }
    const children = inner.children.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment')
    if (inner.type === 'unary_operation') {
      return { kind: 'unary', operator: children[0]?.type ?? '-', operand: this.term(children.slice(1), depth + 1, location), location }
    }
    const split = children.findIndex((child, index) => index > 0 && !child.isNamed && BINARY_OPERATORS.has(child.type))
    if (split < 0) return { kind: 'invalid', location }
    return {
      kind: 'binary',
      operator: children[split]!.type,
      left: this.term(children.slice(0, split), depth + 1, location),
      right: this.term(children.slice(split + 1), depth + 1, this.location(children[split + 1]?.startIndex ?? inner.endIndex)),
      location,
    }
  }

  private conditional(node: SyntaxNode, depth: number): Expr {
    const location = this.location(node.startIndex)
    const parts = node.namedChildren.filter((child): child is SyntaxNode => child?.type === 'expression')
    if (parts.length < 3) return { kind: 'invalid', location }
    return {
      kind: 'conditional',
      condition: this.expression(parts[0]!, depth + 1),
      then: this.expression(parts[1]!, depth + 1),
      otherwise: this.expression(parts[2]!, depth + 1),
      location,
    }
  }
}

interface MarkedPart {
  part: TemplatePart
  stripBefore?: boolean
  stripAfter?: boolean
}

function templateOrLiteral(parts: TemplatePart[], location: Location, textLocation: Location, lineAligned: boolean): Expr {
  if (parts.every((part) => part.kind === 'text')) {
    return { kind: 'literal', value: parts.map((part) => (part as { text: string }).text).join(''), location, textLocation, lineAligned }
  }
  return { kind: 'template', parts, location, textLocation, lineAligned }
}

/** `${~ x ~}` and `%{~ … ~}` remove the whitespace on that side of them. */
function applyStripMarkers(parts: MarkedPart[]): TemplatePart[] {
  for (let index = 0; index < parts.length; index++) {
    const marked = parts[index]!
    const before = parts[index - 1]?.part
    const after = parts[index + 1]?.part
    if (marked.stripBefore && before?.kind === 'text') before.text = before.text.trimEnd()
    if (marked.stripAfter && after?.kind === 'text') after.text = after.text.trimStart()
  }
  return parts.map((marked) => marked.part).filter((part) => part.kind !== 'text' || part.text !== '')
}

function hasLeadingStrip(node: SyntaxNode | undefined): boolean {
  return node?.children[1]?.type === 'strip_marker'
}

function hasTrailingStrip(node: SyntaxNode | undefined): boolean {
  const children = node?.children ?? []
  return children[children.length - 2]?.type === 'strip_marker'
}

const QUOTED_ESCAPE = /\\(n|r|t|"|\\|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})|\$\$\{|%%\{/g

function unescapeQuoted(raw: string): string {
  return raw.replace(QUOTED_ESCAPE, (match, escape: string | undefined) => {
    if (match === '$${') return '${'
    if (match === '%%{') return '%{'
    switch (escape![0]) {
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u':
      case 'U':
        return String.fromCodePoint(Number.parseInt(escape!.slice(1), 16))
      default:
        return escape!
    }
  })
}

function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')
}

/** The smallest indentation of the non-blank lines of a `<<-` heredoc. */
function commonIndent(content: string): number {
  let smallest = Number.POSITIVE_INFINITY
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue
    smallest = Math.min(smallest, /^[ \t]*/.exec(line)![0].length)
  }
  return Number.isFinite(smallest) ? smallest : 0
}

function stripIndent(raw: string, indent: number, atLineStart: boolean): string {
  const lines = raw.split('\n')
  return lines
    .map((line, index) => ((index > 0 || atLineStart) ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line))
    .join('\n')
}
