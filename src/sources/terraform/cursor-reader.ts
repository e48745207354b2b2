import type { TreeCursor } from 'web-tree-sitter'
import type { Location } from '../../model/location.js'
import type { NodeTypes } from './node-types.js'

/** A child read ahead: its type and span, and its position among its parent's children. */
export interface ChildNode {
  type: string
  named: boolean
  start: number
  end: number
  missing: boolean
  index: number
}

/** Children read ahead, then visited in order: the cursor moves forward from one to the next. */
export class ChildWalk {
  private position = -1

  constructor(
    private readonly cursor: TreeCursor,
    readonly children: ChildNode[],
  ) {}

  /** Moves the cursor from the parent, or from the child visited last, onto child `index`. */
  moveTo(index: number): void {
    if (index < this.position) this.finish()
    if (this.position < 0) {
      this.cursor.gotoFirstChild()
      this.position = 0
    }
    for (; this.position < index; this.position++) this.cursor.gotoNextSibling()
  }

  /** Moves the cursor back to the parent. */
  finish(): void {
    if (this.position >= 0) this.cursor.gotoParent()
    this.position = -1
  }
}

/** The cursor moves the tree reader makes, and the node the cursor is on; also maps text indexes to locations. */
export class CursorReader {
  private readonly lineStarts: number[] = [0]
  /** Whether the node the cursor moved to last is named. */
  protected named = false

  constructor(
    private readonly path: string,
    protected readonly text: string,
    private readonly lineOffset: number,
    protected readonly cursor: TreeCursor,
    protected readonly types: NodeTypes,
    /** Without errors the tree follows the grammar exactly, and nodes of simple shapes are read from their text. */
    protected readonly mayHaveErrors: boolean,
  ) {
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1))
      this.lineStarts.push(newline + 1)
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

  /** Moves to the first child and returns its type; undefined, without moving, when there is none. */
  protected firstChild(): string | undefined {
    return this.cursor.gotoFirstChild() ? this.currentType() : undefined
  }

  /** Moves to the next sibling and returns its type; after the last one, moves back to the parent and returns undefined. */
  protected nextSibling(): string | undefined {
    if (this.cursor.gotoNextSibling()) return this.currentType()
    this.cursor.gotoParent()
    return undefined
  }

  protected firstNamedChild(): string | undefined {
    let type = this.firstChild()
    while (type !== undefined && !this.named) type = this.nextSibling()
    return type
  }

  protected firstCodeChild(): string | undefined {
    let type = this.firstChild()
    while (type === 'comment') type = this.nextSibling()
    return type
  }

  protected nextCodeSibling(): string | undefined {
    let type = this.nextSibling()
    while (type === 'comment') type = this.nextSibling()
    return type
  }

  /** Stops reading the children: moves back to the parent. */
  protected leave(): void {
    this.cursor.gotoParent()
  }

  protected currentType(): string {
    const id = this.cursor.nodeTypeId
    this.named = this.types.named[id] ?? true
    return this.types.names[id] ?? 'ERROR'
  }

  protected nodeText(): string {
    return this.text.slice(this.cursor.startIndex, this.cursor.endIndex)
  }

  protected isMissing(): boolean {
    return this.mayHaveErrors && this.cursor.nodeIsMissing
  }

  protected readChildren(): ChildWalk {
    const children: ChildNode[] = []
    let index = 0
    for (let type = this.firstChild(); type !== undefined; type = this.nextSibling()) {
      children.push({
        type,
        named: this.named,
        start: this.cursor.startIndex,
        end: this.cursor.endIndex,
        missing: this.isMissing(),
        index: index++,
      })
    }
    return new ChildWalk(this.cursor, children)
  }
}
