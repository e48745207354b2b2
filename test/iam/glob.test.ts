import fc from 'fast-check'
import { globMatches, globPattern, intersects, literalPattern, relate, type Pattern } from '../../src/iam/glob.js'
import { text } from '../../src/iam/template.js'
import { globMatch } from './reference-evaluator.js'

const glob = (pattern: string): Pattern => globPattern(text(pattern))
/** `system:serviceaccount:${ns}:app` as a pattern: literal text, the hole any string. */
const template = (...parts: (string | null)[]): Pattern =>
  literalPattern(parts.map((part) => (part === null ? { hole: 'x' } : { text: part })))

describe('glob patterns', () => {
  it.each([
    ['system:serviceaccount:prod:*', 'system:serviceaccount:prod:app', true],
    ['system:serviceaccount:prod:*', 'system:serviceaccount:default:app', false],
    ['system:serviceaccount:*:app', 'system:serviceaccount:prod:app', true],
    ['system:serviceaccount:pro?:app', 'system:serviceaccount:prod:app', true],
    ['system:serviceaccount:pro?:app', 'system:serviceaccount:pro:app', false],
    ['sts:AssumeRole*', 'sts:AssumeRoleWithWebIdentity', true],
    ['*', '', true],
    ['?', '', false],
    ['a**b', 'ab', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(globMatches(glob(pattern), value)).toBe(expected)
  })

  it('a literal pattern takes * and ? literally', () => {
    expect(globMatches(literalPattern(text('system:serviceaccount:prod:*')), 'system:serviceaccount:prod:app')).toBe(
      false,
    )
    expect(globMatches(literalPattern(text('system:serviceaccount:prod:*')), 'system:serviceaccount:prod:*')).toBe(true)
  })
})

describe('relating a template with an unknown hole to a pattern', () => {
  const sub = template('system:serviceaccount:', null, ':app')

  it('is contained when every namespace matches', () => {
    expect(relate(sub, glob('system:serviceaccount:*:app'))).toEqual({ intersects: true, contained: true })
    expect(relate(sub, glob('system:serviceaccount:**:app'))).toEqual({ intersects: true, contained: true })
    expect(relate(sub, glob('system:serviceaccount:*'))).toEqual({ intersects: true, contained: true })
  })

  it('intersects without containment when only some namespaces match', () => {
    expect(relate(sub, literalPattern(text('system:serviceaccount:prod:app')))).toEqual({
      intersects: true,
      contained: false,
    })
    expect(relate(sub, glob('system:serviceaccount:prod:*'))).toEqual({ intersects: true, contained: false })
  })

  it('is disjoint when no namespace can match', () => {
    expect(relate(sub, literalPattern(text('system:serviceaccount:prod:web')))).toEqual({
      intersects: false,
      contained: false,
    })
    expect(relate(sub, glob('system:serviceaccount:*:*-?'))).toEqual({ intersects: false, contained: false })
    expect(intersects(template(null, ':sub'), literalPattern(text('oidc.eks.us-east-1.amazonaws.com/id/X:aud')))).toBe(
      false,
    )
  })
})

describe('relate against brute force over every short string', () => {
  const ALPHABET = ['a', 'b', 'c']
  const strings: string[] = ['']
  for (let length = 1; length <= 6; length++) {
    for (const prefix of strings.filter((candidate) => candidate.length === length - 1))
      for (const char of ALPHABET) strings.push(prefix + char)
  }
  /** Short patterns over {a, b}: c stands for every character the patterns do not name. */
  const patternText = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 4 }).map((tokens) => tokens.join(''))

  it('intersects and contained agree with enumerating the strings of length ≤ 6', () => {
    fc.assert(
      fc.property(patternText, patternText, (subject, pattern) => {
        const subjectStrings = strings.filter((candidate) => globMatch(subject, candidate))
        const expected = {
          intersects: subjectStrings.some((candidate) => globMatch(pattern, candidate)),
          contained: subjectStrings.every((candidate) => globMatch(pattern, candidate)),
        }
        expect(relate(glob(subject), glob(pattern))).toEqual(expected)
        expect(intersects(glob(subject), glob(pattern))).toBe(expected.intersects)
      }),
      { numRuns: 1000 },
    )
  })

  it('globMatches agrees with the recursive reference', () => {
    fc.assert(
      fc.property(patternText, fc.constantFrom(...strings), (pattern, value) => {
        expect(globMatches(glob(pattern), value)).toBe(globMatch(pattern, value))
      }),
      { numRuns: 1000 },
    )
  })
})
