/**
 * Just enough of Go's text/template syntax to read a chart's templates without rendering them:
 * where the actions are, which of them open and close blocks, and a "skeleton" of the template
 * (actions blanked out or replaced by placeholders, every other character kept in place) that
 * parses as YAML with the template's own lines and columns.
 */

export interface Position {
  line: number
  column: number
}

export interface Action {
  /** The pipeline inside `{{ }}`, trim markers and surrounding space removed. */
  text: string
  start: Position
  end: Position
  /** Offsets in the template text. */
  from: number
  to: number
}

export type BlockKind = 'if' | 'with' | 'range' | 'define' | 'block'

export interface Branch {
  /** The condition (`if`, `else if`), the value (`with`, `range`), or undefined for `else`. */
  expression?: string
  /** Content lies strictly between these positions. */
  start: Position
  end: Position
}

export interface Block {
  kind: BlockKind
  branches: Branch[]
  /** `range $k, $v := …`: the variables. */
  variables?: string[]
  /** The whole block, from its opening action to its `end`. */
  start: Position
  end: Position
}

/** An output action alone on its line(s): it emits a YAML fragment (`toYaml . | nindent 4`). */
export interface Fragment {
  action: Action
  /** The indentation its output gets: `nindent N` / `indent N`, else the action's column. */
  indent: number
}

export interface Skeleton {
  text: string
  actions: Action[]
  blocks: Block[]
  fragments: Fragment[]
  /** Placeholder text → the output action it stands for. */
  placeholders: Map<string, Action>
  /** Actions the template opens but never closes (or closes twice): the template is not read. */
  unbalanced: boolean
  /** Lines with a block action amid other text (`a: {{ if .x }}b{{ else }}c{{ end }}`): their values are not read. */
  inlineControlLines: Set<number>
}

const ACTION = /\{\{(-?)([\s\S]*?)(-?)\}\}/g
const OPENERS: ReadonlySet<string> = new Set(['if', 'with', 'range', 'define', 'block'])

export function parseTemplate(text: string): Skeleton {
  const lineStarts = [0]
  for (let index = 0; index < text.length; index += 1) if (text[index] === '\n') lineStarts.push(index + 1)
  const position = (offset: number): Position => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 }
  }

  const actions: Action[] = []
  for (const match of text.matchAll(ACTION)) {
    const from = match.index
    const to = from + match[0].length
    actions.push({ text: (match[2] ?? '').trim(), start: position(from), end: position(to), from, to })
  }

  const characters = text.split('')
  const blank = (from: number, to: number): void => {
    for (let index = from; index < to; index += 1) if (characters[index] !== '\n') characters[index] = ' '
  }
  const blocks: Block[] = []
  const open: Block[] = []
  const fragments: Fragment[] = []
  const placeholders = new Map<string, Action>()
  const inlineControlLines = new Set<number>()
  let unbalanced = false
  const blankControl = (action: Action): void => {
    if (!isStandalone(text, action))
      for (let line = action.start.line; line <= action.end.line; line += 1) inlineControlLines.add(line)
    blank(action.from, action.to)
  }

  for (const action of actions) {
    const word = firstWord(action.text)
    if (action.text.startsWith('/*') || action.text === '') {
      blank(action.from, action.to)
      continue
    }
    if (OPENERS.has(word)) {
      const rest = action.text.slice(word.length).trim()
      const block: Block = { kind: word as BlockKind, branches: [], start: action.start, end: action.end }
      if (word === 'range') {
        const declaration = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*([\s\S]+)$/.exec(rest)
        if (declaration) {
          block.variables = [declaration[1]!, ...(declaration[2] ? [declaration[2]] : [])]
          block.branches.push({ expression: declaration[3]!.trim(), start: action.end, end: action.end })
        } else {
          block.branches.push({ expression: rest, start: action.end, end: action.end })
        }
      } else {
        block.branches.push({ expression: rest, start: action.end, end: action.end })
      }
      open.push(block)
      blankControl(action)
      continue
    }
    if (word === 'else' || word === 'end') {
      const block = open[open.length - 1]
      blankControl(action)
      if (!block) {
        unbalanced = true
        continue
      }
      block.branches[block.branches.length - 1]!.end = action.start
      if (word === 'end') {
        block.end = action.end
        open.pop()
        blocks.push(block)
        continue
      }
      const rest = action.text.slice(4).trim()
      const elseIf = /^if\s+([\s\S]+)$/.exec(rest)
      const branch: Branch = { start: action.end, end: action.end }
      if (elseIf) branch.expression = elseIf[1]!.trim()
      else if (rest !== '') branch.expression = rest
      block.branches.push(branch)
      continue
    }
    if (isStandalone(text, action)) {
      const indent = /\b(n?indent)\s+(\d+)\s*$/.exec(action.text)
      fragments.push({ action, indent: indent ? Number(indent[2]) : action.start.column - 1 })
      blank(action.from, action.to)
      continue
    }
    const placeholder = `__h${placeholders.size}_`
    const width = action.to - action.from
    const replacement = placeholder.length >= width ? placeholder : placeholder.padEnd(width, '_')
    placeholders.set(replacement, action)
    characters[action.from] = replacement
    for (let index = action.from + 1; index < action.to; index += 1)
      characters[index] = text[index] === '\n' ? '\n' : ''
  }
  if (open.length > 0) unbalanced = true
  return { text: characters.join(''), actions, blocks, fragments, placeholders, unbalanced, inlineControlLines }
}

/** Only whitespace around the action on its first and last lines. */
function isStandalone(text: string, action: Action): boolean {
  const lineStart = text.lastIndexOf('\n', action.from - 1) + 1
  const lineEnd = text.indexOf('\n', action.to)
  const before = text.slice(lineStart, action.from)
  const after = text.slice(action.to, lineEnd === -1 ? text.length : lineEnd)
  // Other actions on the same line (an `{{- end }}` after it) are fine; text is not.
  return before.trim() === '' && after.replace(/\{\{[\s\S]*?\}\}/g, '').trim() === ''
}

function firstWord(text: string): string {
  return /^[A-Za-z]+/.exec(text)?.[0] ?? ''
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

/** Inside a branch: strictly after its start and before its end. */
export function within(position: Position, branch: Branch): boolean {
  return before(branch.start, position) && before(position, branch.end)
}
