import { known, symbolic, type Value } from '../../model/value.js'
import type { Location } from '../../model/location.js'
import type { Word } from './words.js'

const EXPANSION =
  /\$\{\{[^}]*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=?+][^}]*)?\}|\$\{[^}]*\}|\$\([^)]*\)|\$([A-Za-z_][A-Za-z0-9_]*)|\$\$|`[^`]*`/g

/**
 * Shell variables assigned a literal value earlier in the same script. A variable assigned two
 * different values, or anything but a literal (`$(…)`, another unknown variable), is unknown from
 * then on: values that depend on it stay symbolic.
 */
export class ShellVariables {
  private readonly values = new Map<string, string | null>()
  /** Where each variable was last assigned. */
  private readonly assignedAt = new Map<string, Location>()
  /** Variables in the environment of the commands the script runs (`export NAME=…`, `export NAME`). */
  private readonly exported = new Set<string>()

  /**
   * `scope`: the script's directory. What a variable holds is known only to the shell session
   * that runs the script: two scripts of one directory (a tutorial's steps) may share it, scripts
   * elsewhere (another version of the tutorial) are another session. Symbolic values carry it.
   */
  constructor(readonly scope: string) {}

  /** A symbolic value of this session. */
  symbolic(expression: string, location: Location): Value {
    return symbolic(`${expression} @${this.scope}`, location)
  }

  /** Records `NAME=value` words (a line of assignments only, or after `export`/`readonly`/`local`/`declare`). */
  assign(words: readonly Word[]): void {
    const exporting = words[0]?.text === 'export'
    const rest = /^(export|readonly|local|declare|typeset)$/.test(words[0]?.text ?? '') ? words.slice(1) : words
    if (exporting && rest.length > 0 && rest.every((word) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.text))) {
      for (const word of rest) this.exported.add(word.text)
      return
    }
    if (rest.length === 0 || !rest.every((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text))) return
    for (const word of rest) {
      const equals = word.text.indexOf('=')
      const name = word.text.slice(0, equals)
      if (exporting) this.exported.add(name)
      this.assignedAt.set(name, word.location)
      const value = this.resolve({ text: word.text.slice(equals + 1), location: word.location })
      const previous = this.values.get(name)
      const text = value.kind === 'known' ? value.value : null
      this.values.set(name, previous === undefined || previous === text ? text : null)
    }
  }

  /** The exported variables that hold a literal now, with where it was assigned: what a command the script runs next sees in its environment. */
  exportedLiterals(): { name: string; value: string; location: Location }[] {
    const literals: { name: string; value: string; location: Location }[] = []
    for (const name of this.exported) {
      const value = this.values.get(name)
      const location = this.assignedAt.get(name)
      if (typeof value === 'string' && location) literals.push({ name, value, location })
    }
    return literals
  }

  /** Text with the expansions of variables known to hold a literal replaced; every other expansion left as written. */
  expandKnown(text: string): string {
    return text.replace(EXPANSION, (whole, braced?: string, bare?: string) => {
      const name = braced !== undefined && whole === `\${${braced}}` ? braced : bare
      const value = name !== undefined ? this.values.get(name) : undefined
      return typeof value === 'string' ? value : whole
    })
  }

  /**
   * A word's value: known when it has no expansion or only expansions of known variables;
   * otherwise symbolic, its expression the word with `$NAME` written `${NAME}` (so that two
   * scripts writing the same variable name the same unknown value). `${NAME:-default}` with NAME
   * unknown stays symbolic: the default is only one of its possible values.
   */
  resolve(word: Word | { text: string; location: Location }): Value {
    let unknown = false
    const replaced = word.text.replace(EXPANSION, (whole, braced?: string, bare?: string) => {
      const name = braced !== undefined && whole === `\${${braced}}` ? braced : bare
      const value = name !== undefined ? this.values.get(name) : undefined
      if (typeof value === 'string') return value
      unknown = true
      return bare !== undefined ? `\${${bare}}` : whole
    })
    // An expansion left unclosed (`$(echo`, `${X`), or a special parameter (`$1`, `$@`), is unknown too.
    if (/\$[({A-Za-z0-9_@*#?!-]/.test(word.text.replace(EXPANSION, ''))) unknown = true
    if (!unknown && !replaced.includes('`') && !replaced.startsWith('(')) return known(replaced, word.location)
    // A word that is one expansion is named by it alone: `${NAME}` → `NAME`, `${{ env.X }}` → `env.X`.
    const whole = /^\$\{\{\s*([^}]*?)\s*\}\}$|^\$\{([^{}]*)\}$/.exec(replaced)
    return this.symbolic(whole ? (whole[1] ?? whole[2]!) : replaced, word.location)
  }
}
