import { known, symbolic, type Value } from '../../model/value.js'
import type { Location } from '../../model/location.js'
import type { Word } from './words.js'

const EXPANSION = /\$\{\{[^}]*\}\}|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=?+][^}]*)?\}|\$\{[^}]*\}|\$\([^)]*\)|\$([A-Za-z_][A-Za-z0-9_]*)|\$\$|`[^`]*`/g

/**
 * Shell variables assigned a literal value earlier in the same script. A variable assigned two
 * different values, or anything but a literal (`$(…)`, another unknown variable), is unknown from
 * then on: values that depend on it stay symbolic.
 */
export class ShellVariables {
  private readonly values = new Map<string, string | null>()

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
    const rest = /^(export|readonly|local|declare|typeset)$/.test(words[0]?.text ?? '') ? words.slice(1) : words
    if (rest.length === 0 || !rest.every((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text))) return
    for (const word of rest) {
      const equals = word.text.indexOf('=')
      const name = word.text.slice(0, equals)
      const value = this.resolve({ text: word.text.slice(equals + 1), location: word.location })
      const previous = this.values.get(name)
      const text = value.kind === 'known' ? value.value : null
      this.values.set(name, previous === undefined || previous === text ? text : null)
    }
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
