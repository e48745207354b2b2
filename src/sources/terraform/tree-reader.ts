import type { Location } from '../../model/location.js'
import type { Attribute, Block, Body, Expr, ObjectItem, Step, TemplatePart } from './ast.js'
import { CursorReader, type ChildNode, type ChildWalk } from './cursor-reader.js'
import { commonIndent, stripIndent, unescapeHeredoc, unescapeQuoted } from './hcl-strings.js'
import { identifierEnd, quotedStringEnd, simpleExpression, simpleObjectItem, skipBlanks } from './simple-expressions.js'
import { applyStripMarkers, type MarkedPart, templateOrLiteral } from './template-parts.js'

const BINARY_OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||'])
/** Deeper blocks and expressions are not read (each level is a few stack frames here and in the evaluator). */
export const MAX_DEPTH = 400

/**
 * Reads the tree through one cursor, which costs far less than web-tree-sitter's Node objects.
 * Every method that reads a node starts and ends with the cursor on that node.
 */
export class TreeReader extends CursorReader {
  /** Where the first escape that is no character is (`\UFFFFFFFF`): a syntax error tree-sitter does not see. */
  firstInvalidEscape: number | undefined

  /** Where the first block or expression nested deeper than MAX_DEPTH starts: it was not read. */
  firstTooDeep: number | undefined

  invalidEscape(index: number): void {
    if (this.firstInvalidEscape === undefined || index < this.firstInvalidEscape) this.firstInvalidEscape = index
  }

  private tooDeep(index: number): Expr {
    if (this.firstTooDeep === undefined || index < this.firstTooDeep) this.firstTooDeep = index
    return { kind: 'invalid', location: this.location(index) }
  }

  /** The body of the file (the cursor is on the root). */
  file(): Body {
    for (let type = this.firstChild(); type !== undefined; type = this.nextSibling()) {
      if (type === 'body') {
        const body = this.body(0)
        this.leave()
        return body
      }
    }
    return { attributes: [], blocks: [] }
  }

  private body(depth: number): Body {
    const body: Body = { attributes: [], blocks: [] }
    for (let type = this.firstChild(); type !== undefined; type = this.nextSibling()) {
      if (type === 'attribute') {
        const attribute = this.attribute(depth)
        if (attribute) body.attributes.push(attribute)
      } else if (type === 'block') {
        const block = this.block(depth)
        if (block) body.blocks.push(block)
      }
    }
    return body
  }

  private attribute(depth: number): Attribute | undefined {
    if (!this.mayHaveErrors) {
      const attribute = this.wellFormedAttribute(depth)
      if (attribute) return attribute
    }
    let name: string | undefined
    let nameStart = 0
    let expression: Expr | undefined
    for (let type = this.firstChild(); type !== undefined; type = this.nextSibling()) {
      if (type === 'identifier' && name === undefined) {
        nameStart = this.cursor.startIndex
        name = this.text.slice(nameStart, this.cursor.endIndex)
      } else if (type === 'expression' && expression === undefined) {
        expression = this.expression(type, depth + 1)
      }
    }
    if (name === undefined) return undefined
    return {
      name,
      location: this.location(nameStart),
      expression: expression ?? { kind: 'invalid', location: this.location(this.cursor.endIndex) },
    }
  }

  private block(depth: number): Block | undefined {
    if (depth > MAX_DEPTH) {
      this.tooDeep(this.cursor.startIndex)
      return undefined
    }
    const start = this.cursor.startIndex
    if (!this.mayHaveErrors) {
      const block = this.wellFormedBlock(start, depth)
      if (block) return block
    }
    let type: string | undefined
    const labels: string[] = []
    let readingLabels = true
    let body: Body | undefined
    let end: number | undefined
    let namedIndex = 0
    for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
      if (!this.named) continue
      if (namedIndex++ === 0) {
        if (child !== 'identifier') {
          this.leave()
          return undefined
        }
        type = this.nodeText()
        continue
      }
      if (readingLabels) {
        if (child === 'identifier') {
          labels.push(this.nodeText())
          continue
        }
        if (child === 'string_lit') {
          labels.push(this.stringLiteral())
          continue
        }
        readingLabels = false
      }
      if (child === 'body') {
        if (!body) body = this.body(depth + 1)
      } else if (child === 'block_end' && end === undefined) {
        end = this.cursor.startIndex
      }
    }
    if (type === undefined) return undefined
    return {
      type,
      labels,
      location: this.location(start),
      endLine: this.location(end ?? this.cursor.endIndex).line,
      body: body ?? { attributes: [], blocks: [] },
    }
  }

  /*
   * A tree without errors follows the grammar exactly, and trailing comments are never inside a
   * node: the methods below read such nodes from their source text where it has a simple shape
   * (on one line, without comments), and otherwise return undefined. They yield the same AST as
   * reading the children, with far fewer calls into the parser's WebAssembly.
   */

  /** `name = value`: the name is the first child and the expression the last. */
  private wellFormedAttribute(depth: number): Attribute | undefined {
    const start = this.cursor.startIndex
    const nameEnd = identifierEnd(this.text, start)
    if (nameEnd < 0) return undefined
    const name = this.text.slice(start, nameEnd)
    const equals = skipBlanks(this.text, nameEnd)
    if (depth + 1 <= MAX_DEPTH && this.text.charCodeAt(equals) === 61) {
      const expression = simpleExpression(this.text, skipBlanks(this.text, equals + 1), this.cursor.endIndex, this)
      if (expression) return { name, location: this.location(start), expression }
    }
    if (!this.cursor.gotoLastChild()) return undefined
    if (this.currentType() !== 'expression') {
      this.leave()
      return undefined
    }
    const expression = this.expression('expression', depth + 1)
    this.leave()
    return { name, location: this.location(start), expression }
  }

  /** `type label… {` on one line; the body is the last child but the closing brace and comments. */
  private wellFormedBlock(start: number, depth: number): Block | undefined {
    const typeEnd = identifierEnd(this.text, start)
    if (typeEnd < 0) return undefined
    const labels: string[] = []
    let index = skipBlanks(this.text, typeEnd)
    while (this.text.charCodeAt(index) !== 123) {
      const labelEnd =
        this.text.charCodeAt(index) === 34
          ? quotedStringEnd(this.text, index, this.text.length)
          : identifierEnd(this.text, index)
      if (labelEnd < 0) return undefined
      labels.push(
        this.text.charCodeAt(index) === 34
          ? unescapeQuoted(this.text.slice(index + 1, labelEnd - 1), (at) => this.invalidEscape(index + 1 + at))
          : this.text.slice(index, labelEnd),
      )
      index = skipBlanks(this.text, labelEnd)
    }
    if (!this.cursor.gotoLastChild()) return undefined
    if (this.currentType() !== 'block_end') {
      this.leave()
      return undefined
    }
    const endLine = this.location(this.cursor.startIndex).line
    let body: Body = { attributes: [], blocks: [] }
    let type: string | undefined = 'comment'
    while (type === 'comment') type = this.cursor.gotoPreviousSibling() ? this.currentType() : undefined
    if (type === 'body') body = this.body(depth + 1)
    this.leave()
    return { type: this.text.slice(start, typeEnd), labels, location: this.location(start), endLine, body }
  }

  private expression(type: string, depth: number): Expr {
    const start = this.cursor.startIndex
    const location = this.location(start)
    if (depth > MAX_DEPTH) return this.tooDeep(start)
    if (type === 'ERROR' || this.isMissing()) return { kind: 'invalid', location }
    if (!this.mayHaveErrors && type === 'expression') {
      const simple = simpleExpression(this.text, start, this.cursor.endIndex, this)
      if (simple) return simple
    }
    const first = this.firstCodeChild()
    if (type === 'expression' && first === 'conditional') {
      const conditionalStart = this.cursor.startIndex
      const conditional = this.conditional(depth)
      const next = this.nextCodeSibling()
      if (next === undefined) return conditional
      // Not a lone conditional: read as a term, whose base (the conditional) is then invalid.
      return this.access(
        { kind: 'invalid', location: this.location(conditionalStart) },
        next,
        () => this.nextCodeSibling(),
        depth,
        location,
      )
    }
    return this.term(first, Number.POSITIVE_INFINITY, depth, location)
  }

  /**
   * A base term followed by attribute, index and splat steps (the grammar flattens these): the
   * cursor is on the first of `limit` consecutive non-comment siblings (`type`), and ends on the
   * sibling after them, or on the parent when they were the last.
   */
  private term(type: string | undefined, limit: number, depth: number, location: Location): Expr {
    let remaining = limit
    const next = (): string | undefined => {
      const following = this.nextCodeSibling()
      return --remaining > 0 ? following : undefined
    }
    if (type === undefined) return { kind: 'invalid', location }
    let base: Expr
    if (type === '(') {
      type = next()
      base = type === 'expression' ? this.expression(type, depth + 1) : { kind: 'invalid', location }
      if (type !== undefined) {
        type = next()
        if (type === ')') type = next()
      }
    } else {
      base = this.base(type, depth)
      type = next()
    }
    return this.access(base, type, next, depth, location)
  }

  private access(
    base: Expr,
    type: string | undefined,
    next: () => string | undefined,
    depth: number,
    location: Location,
  ): Expr {
    const steps: Step[] = []
    while (type !== undefined) {
      const step = this.step(type, depth)
      if (!step) {
        const invalid: Expr = { kind: 'invalid', location: this.location(this.cursor.startIndex) }
        while (type !== undefined) type = next()
        return invalid
      }
      steps.push(step)
      type = next()
    }
    return steps.length === 0 ? base : { kind: 'access', target: base, steps, location }
  }

  private step(type: string, depth: number): Step | undefined {
    if (type === 'get_attr') {
      for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
        if (child === 'identifier') {
          const name = this.nodeText()
          this.leave()
          return { kind: 'attr', name }
        }
      }
      return undefined
    }
    if (type === 'index') {
      const inner = this.firstNamedChild()
      if (inner === undefined) return undefined
      let step: Step | undefined
      if (inner === 'legacy_index') {
        const start = this.cursor.startIndex
        const digits = this.text.slice(start, this.cursor.endIndex).replace(/^\./, '')
        step = { kind: 'index', key: { kind: 'literal', value: Number(digits), location: this.location(start) } }
      } else {
        for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
          if (child === 'expression') {
            step = { kind: 'index', key: this.expression(child, depth + 1) }
            this.leave()
            break
          }
        }
      }
      this.leave()
      return step
    }
    if (type === 'splat') {
      const inner = this.firstNamedChild()
      if (inner === undefined) return undefined
      const steps: Step[] = []
      for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
        if (!this.named) continue
        const step = this.step(child, depth)
        if (step) steps.push(step)
      }
      this.leave()
      return { kind: 'splat', steps }
    }
    return undefined
  }

  private base(type: string, depth: number): Expr {
    switch (type) {
      case 'literal_value':
        return this.literal()
      case 'template_expr': {
        const location = this.location(this.cursor.startIndex)
        const inner = this.firstNamedChild()
        if (inner === undefined) return { kind: 'invalid', location }
        let expression: Expr
        if (inner === 'quoted_template') expression = this.quotedTemplate(depth)
        else if (inner === 'heredoc_template') expression = this.heredoc(depth)
        else expression = { kind: 'invalid', location }
        this.leave()
        return expression
      }
      case 'collection_value': {
        const location = this.location(this.cursor.startIndex)
        const inner = this.firstNamedChild()
        if (inner === undefined) return { kind: 'invalid', location }
        let expression: Expr
        if (inner === 'tuple') {
          const items: Expr[] = []
          for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
            if (child === 'expression') items.push(this.expression(child, depth + 1))
          }
          expression = { kind: 'tuple', items, location }
        } else if (inner === 'object') {
          expression = this.object(depth)
        } else {
          expression = { kind: 'invalid', location }
        }
        this.leave()
        return expression
      }
      case 'variable_expr': {
        const start = this.cursor.startIndex
        return { kind: 'variable', name: this.text.slice(start, this.cursor.endIndex), location: this.location(start) }
      }
      case 'function_call':
        return this.call(depth)
      case 'for_expr':
        return this.forExpression(depth)
      case 'operation':
        return this.operation(depth)
      case 'expression':
        return this.expression(type, depth + 1)
      default:
        return { kind: 'invalid', location: this.location(this.cursor.startIndex) }
    }
  }

  private literal(): Expr {
    const inner = this.firstNamedChild()
    if (inner === undefined) return { kind: 'invalid', location: this.location(this.cursor.startIndex) }
    let value: number | boolean | null
    switch (inner) {
      case 'numeric_lit': {
        const digits = this.nodeText()
        value = digits.startsWith('0x') ? Number.parseInt(digits.slice(2), 16) : Number(digits)
        break
      }
      case 'bool_lit':
        value = this.nodeText() === 'true'
        break
      case 'null_lit':
        value = null
        break
      case 'string_lit': {
        const expression = this.quotedTemplate(0)
        this.leave()
        return expression
      }
      default:
        this.leave()
        return { kind: 'invalid', location: this.location(this.cursor.startIndex) }
    }
    this.leave()
    return { kind: 'literal', value, location: this.location(this.cursor.startIndex) }
  }

  private stringLiteral(): string {
    const expression = this.quotedTemplate(0)
    return expression.kind === 'literal' && typeof expression.value === 'string'
      ? expression.value
      : this.nodeText().slice(1, -1)
  }

  private quotedTemplate(depth: number): Expr {
    const nodeStart = this.cursor.startIndex
    const nodeEnd = this.cursor.endIndex
    const walk = this.readChildren()
    const children = walk.children
    const start = children[0]?.type === 'quoted_template_start' ? children[0].end : nodeStart
    const endNode = children[children.length - 1]
    const end = endNode?.type === 'quoted_template_end' ? endNode.start : nodeEnd
    const inner = children.filter(
      (child) => child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end',
    )
    const parts = this.templateParts(
      inner,
      start,
      end,
      depth,
      (raw, offset) => unescapeQuoted(raw, (at) => this.invalidEscape(offset + at)),
      walk,
    )
    walk.finish()
    const textLocation = this.location(start)
    const lineAligned = !this.text.slice(start, end).includes('\\n')
    return templateOrLiteral(parts, this.location(nodeStart), textLocation, lineAligned)
  }

  private heredoc(depth: number): Expr {
    const location = this.location(this.cursor.startIndex)
    const walk = this.readChildren()
    const children = walk.children
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier')
    const opening = identifiers[0]
    const closing = identifiers.length > 1 ? identifiers[identifiers.length - 1] : undefined
    if (!opening || !closing || closing.missing) return { kind: 'invalid', location }
    const newline = this.text.indexOf('\n', opening.end)
    const start = newline < 0 ? opening.end : newline + 1
    const end = Math.max(start, this.text.lastIndexOf('\n', closing.start - 1) + 1)
    const inner = children.filter(
      (child) => child.start >= start && child.end <= end && child.type !== 'heredoc_identifier',
    )
    const indented = children.some(
      (child) => child.type === 'heredoc_start' && this.text.slice(child.start, child.end) === '<<-',
    )
    const indent = indented ? commonIndent(this.text.slice(start, end)) : 0
    const unescape = (raw: string, offset: number): string =>
      unescapeHeredoc(indent > 0 ? stripIndent(raw, indent, offset === start || this.text[offset - 1] === '\n') : raw)
    const parts = this.templateParts(inner, start, end, depth, unescape, walk)
    walk.finish()
    return templateOrLiteral(parts, location, this.location(start), true)
  }

  /** Literal text is the source between structural children (tree-sitter leaves whitespace out of literal nodes). */
  private templateParts(
    children: ChildNode[],
    start: number,
    end: number,
    depth: number,
    unescape: (raw: string, offset: number) => string,
    walk: ChildWalk,
  ): TemplatePart[] {
    const parts: MarkedPart[] = []
    let cursor = start
    const pushText = (to: number): void => {
      if (to > cursor)
        parts.push({
          part: { kind: 'text', text: unescape(this.text.slice(cursor, to), cursor), location: this.location(cursor) },
        })
    }
    for (const child of children) {
      if (child.type === 'template_literal' || child.type === 'comment') continue
      pushText(child.start)
      if (child.type === 'template_interpolation') {
        walk.moveTo(child.index)
        parts.push(this.interpolation(depth))
      } else if (child.type === 'template_directive') {
        walk.moveTo(child.index)
        const directive = this.firstNamedChild()
        if (directive !== undefined) {
          parts.push(this.directive(directive, depth, unescape))
          this.leave()
        }
      }
      cursor = child.end
    }
    pushText(end)
    return applyStripMarkers(parts)
  }

  private interpolation(depth: number): MarkedPart {
    const location = this.location(this.cursor.startIndex)
    const walk = this.readChildren()
    const children = walk.children
    const expressionChild = children.find((child) => child.type === 'expression')
    let expression: Expr = { kind: 'literal', value: '', location }
    if (expressionChild) {
      walk.moveTo(expressionChild.index)
      expression = this.expression(expressionChild.type, depth + 1)
      walk.finish()
    }
    return {
      part: { kind: 'interpolation', expression, location },
      stripBefore: children[1]?.type === 'strip_marker',
      stripAfter: children[children.length - 2]?.type === 'strip_marker',
    }
  }

  private directive(type: string, depth: number, unescape: (raw: string, offset: number) => string): MarkedPart {
    const location = this.location(this.cursor.startIndex)
    const walk = this.readChildren()
    const children = walk.children
    const opening = children[0]!
    const closing = children[children.length - 1]!
    walk.moveTo(opening.index)
    const intro = this.readChildren()
    const stripBefore = intro.children[1]?.type === 'strip_marker'
    const introExpression = intro.children.find((child) => child.named && child.type === 'expression')
    let introValue: Expr = { kind: 'invalid', location }
    if (introExpression) {
      intro.moveTo(introExpression.index)
      introValue = this.expression(introExpression.type, depth + 1)
      intro.finish()
    }
    let part: TemplatePart
    if (type === 'template_if') {
      const elseIndex = children.findIndex((child) => child.type === 'template_else_intro')
      const thenChildren = children.slice(1, elseIndex < 0 ? -1 : elseIndex)
      const elseChildren = elseIndex < 0 ? [] : children.slice(elseIndex + 1, -1)
      const thenEnd = elseIndex < 0 ? closing.start : children[elseIndex]!.start
      part = {
        kind: 'if',
        condition: introValue,
        then: this.templateParts(thenChildren, opening.end, thenEnd, depth + 1, unescape, walk),
        otherwise:
          elseIndex < 0
            ? []
            : this.templateParts(elseChildren, children[elseIndex]!.end, closing.start, depth + 1, unescape, walk),
        location,
      }
    } else {
      const names = intro.children
        .filter((child) => child.named && child.type === 'identifier')
        .map((child) => this.text.slice(child.start, child.end))
      const body = this.templateParts(children.slice(1, -1), opening.end, closing.start, depth + 1, unescape, walk)
      part =
        names.length > 1
          ? { kind: 'for', keyName: names[0]!, valueName: names[1]!, collection: introValue, body, location }
          : { kind: 'for', valueName: names[0] ?? '_', collection: introValue, body, location }
    }
    walk.moveTo(closing.index)
    const closingChildren = this.readChildren().children
    walk.finish()
    return { part, stripBefore, stripAfter: closingChildren[closingChildren.length - 2]?.type === 'strip_marker' }
  }

  private object(depth: number): Expr {
    const location = this.location(this.cursor.startIndex)
    const items: ObjectItem[] = []
    for (let element = this.firstChild(); element !== undefined; element = this.nextSibling()) {
      if (element !== 'object_elem') continue
      if (!this.mayHaveErrors && depth + 1 <= MAX_DEPTH) {
        const item = simpleObjectItem(this.text, this.cursor.startIndex, this.cursor.endIndex, this)
        if (item) {
          items.push(item)
          continue
        }
      }
      let key: Expr | undefined
      let keyStart = 0
      let value: Expr | undefined
      for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
        const field = this.cursor.currentFieldId
        if (field === this.types.keyField && key === undefined) {
          keyStart = this.cursor.startIndex
          key = this.expression(child, depth + 1)
        } else if (field === this.types.valueField && value === undefined) {
          value = this.expression(child, depth + 1)
        }
      }
      if (!key || !value) continue
      const item: ObjectItem = { key, keyLocation: this.location(keyStart), value }
      if (key.kind === 'variable') item.keyName = key.name
      items.push(item)
    }
    return { kind: 'object', items, location }
  }

  private call(depth: number): Expr {
    const location = this.location(this.cursor.startIndex)
    let name: string | undefined
    let argumentsRead = false
    const args: Expr[] = []
    let expandLast = false
    for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
      if (child === 'identifier' && name === undefined) {
        name = this.nodeText()
      } else if (child === 'function_arguments' && !argumentsRead) {
        argumentsRead = true
        for (let argument = this.firstChild(); argument !== undefined; argument = this.nextSibling()) {
          if (argument === 'expression') args.push(this.expression(argument, depth + 1))
          else if (argument === 'ellipsis') expandLast = true
        }
      }
    }
    return { kind: 'call', name: name ?? '', args, expandLast, location }
  }

  private forExpression(depth: number): Expr {
    const location = this.location(this.cursor.startIndex)
    const inner = this.firstNamedChild()
    if (inner === undefined) return { kind: 'invalid', location }
    const names: string[] = []
    let introRead = false
    let collection: Expr | undefined
    const expressions: Expr[] = []
    let conditionRead = false
    let condition: Expr | undefined
    let grouping = false
    for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
      if (!this.named) continue
      if (child === 'for_intro' && !introRead) {
        introRead = true
        for (let part = this.firstChild(); part !== undefined; part = this.nextSibling()) {
          if (part === 'identifier') names.push(this.nodeText())
          else if (part === 'expression' && collection === undefined) collection = this.expression(part, depth + 1)
        }
      } else if (child === 'expression') {
        expressions.push(this.expression(child, depth + 1))
      } else if (child === 'for_cond' && !conditionRead) {
        conditionRead = true
        for (let part = this.firstChild(); part !== undefined; part = this.nextSibling()) {
          if (part === 'expression') {
            condition = this.expression(part, depth + 1)
            this.leave()
            break
          }
        }
      } else if (child === 'ellipsis') {
        grouping = true
      }
    }
    this.leave()
    const isObject = inner === 'for_object_expr'
    const result: Expr = {
      kind: 'for',
      valueName: names.length > 1 ? names[1]! : (names[0] ?? '_'),
      collection: collection ?? { kind: 'invalid', location },
      valueExpr: (isObject ? expressions[1] : expressions[0]) ?? { kind: 'invalid', location },
      grouping,
      location,
    }
    if (names.length > 1) result.keyName = names[0]!
    if (isObject && expressions[0]) result.keyExpr = expressions[0]
    if (condition) result.condition = condition
    return result
  }

  private operation(depth: number): Expr {
    // Operands of operators nest without an `expression` node between them (`- - - 1`, `1 + 1 + 1`).
    if (depth > MAX_DEPTH) return this.tooDeep(this.cursor.startIndex)
    const location = this.location(this.cursor.startIndex)
    const inner = this.firstNamedChild()
    if (inner === undefined) return { kind: 'invalid', location }
    const expression =
      inner === 'unary_operation' ? this.unaryOperation(depth, location) : this.binaryOperation(depth, location)
    this.leave()
    return expression
  }

  private unaryOperation(depth: number, location: Location): Expr {
    const operator = this.firstCodeChild()
    const operand = this.term(
      operator === undefined ? undefined : this.nextCodeSibling(),
      Number.POSITIVE_INFINITY,
      depth + 1,
      location,
    )
    return { kind: 'unary', operator: operator ?? '-', operand, location }
  }

  private binaryOperation(depth: number, location: Location): Expr {
    let split = -1
    let operator = ''
    let index = 0
    for (let type = this.firstCodeChild(); type !== undefined; type = this.nextCodeSibling(), index++) {
      if (split < 0 && index > 0 && !this.named && BINARY_OPERATORS.has(type)) {
        split = index
        operator = type
      }
    }
    if (split < 0) return { kind: 'invalid', location }
    const left = this.term(this.firstCodeChild(), split, depth + 1, location)
    const next = this.nextCodeSibling()
    const rightLocation = this.location(next === undefined ? this.cursor.endIndex : this.cursor.startIndex)
    const right = this.term(next, Number.POSITIVE_INFINITY, depth + 1, rightLocation)
    return { kind: 'binary', operator, left, right, location }
  }

  private conditional(depth: number): Expr {
    const location = this.location(this.cursor.startIndex)
    const parts: Expr[] = []
    let count = 0
    for (let child = this.firstChild(); child !== undefined; child = this.nextSibling()) {
      if (child === 'expression' && count++ < 3) parts.push(this.expression(child, depth + 1))
    }
    if (parts.length < 3) return { kind: 'invalid', location }
    return { kind: 'conditional', condition: parts[0]!, then: parts[1]!, otherwise: parts[2]!, location }
  }
}
