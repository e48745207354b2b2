import { compileExcludeGlob, compileGitignore, matchesExclude } from '../../src/discover/patterns.js'

function ignored(gitignore: string, path: string, isDirectory = false): boolean | undefined {
  return compileGitignore(gitignore)?.(path, isDirectory)
}

describe('gitignore patterns', () => {
  it.each([
    ['*.log', 'a.log', false, true],
    ['*.log', 'deep/er/a.log', false, true],
    ['*.log', 'a.log.txt', false, undefined],
    ['/top.yaml', 'top.yaml', false, true],
    ['/top.yaml', 'sub/top.yaml', false, undefined],
    ['sub/x.yaml', 'sub/x.yaml', false, true],
    ['sub/x.yaml', 'a/sub/x.yaml', false, undefined],
    ['build/', 'build', true, true],
    ['build/', 'build', false, undefined],
    ['build/', 'a/build', true, true],
    ['**/gen', 'gen', true, true],
    ['**/gen', 'a/b/gen', true, true],
    ['a/**/b', 'a/b', true, true],
    ['a/**/b', 'a/x/y/b', true, true],
    ['a/**', 'a/x/y', false, true],
    ['a/**', 'a', true, undefined],
    ['x?.yaml', 'x1.yaml', false, true],
    ['x?.yaml', 'x/.yaml', false, undefined],
    ['[ab].yaml', 'a.yaml', false, true],
    ['[!ab].yaml', 'c.yaml', false, true],
    ['[!ab].yaml', 'a.yaml', false, undefined],
    ['\\#x.yaml', '#x.yaml', false, true],
    ['# comment.yaml', '# comment.yaml', false, undefined],
    ['\\!bang.yaml', '!bang.yaml', false, true],
    ['space.yaml   ', 'space.yaml', false, true],
    ['*.yaml\n!keep.yaml', 'keep.yaml', false, false],
    ['!keep.yaml\n*.yaml', 'keep.yaml', false, true],
    ['a.b', 'aXb', false, undefined],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'a/b.pyc', false, true],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'a/__pycache__', true, true],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'a/__pycache__', false, undefined],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'build/out', false, true],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'a/build/out', false, undefined],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'docs/x/y/tmp', true, true],
    ['*.pyc\n__pycache__/\n/build/out\ndocs/**/tmp', 'a.py', false, undefined],
    ['a|b\n(x)', 'a|b', false, true],
    ['a|b\n(x)', 'a', false, undefined],
    ['a|b\n(x)', '(x)', false, true],
  ])('%j on %s (directory: %s) → %s', (pattern, path, isDirectory, expected) => {
    expect(ignored(pattern, path, isDirectory)).toBe(expected)
  })
})

describe('exclude globs', () => {
  it('match relative to the root, a directory by its name, and braces', () => {
    const globs = ['examples', 'out/', '{a,b}/*.yaml', '**/*.test.yaml', './docs/**'].flatMap(compileExcludeGlob)
    expect(matchesExclude(globs, 'examples', true)).toBe(true)
    expect(matchesExclude(globs, 'sub/examples', true)).toBe(false)
    expect(matchesExclude(globs, 'out', true)).toBe(true)
    expect(matchesExclude(globs, 'out', false)).toBe(false)
    expect(matchesExclude(globs, 'a/x.yaml', false)).toBe(true)
    expect(matchesExclude(globs, 'b/x.yaml', false)).toBe(true)
    expect(matchesExclude(globs, 'c/x.yaml', false)).toBe(false)
    expect(matchesExclude(globs, 'x.test.yaml', false)).toBe(true)
    expect(matchesExclude(globs, 'deep/er/x.test.yaml', false)).toBe(true)
    expect(matchesExclude(globs, 'docs/a/b.yaml', false)).toBe(true)
  })

  it('expand nested braces', () => {
    const globs = compileExcludeGlob('{a,b{c,d}}/x')
    expect(['a/x', 'bc/x', 'bd/x', 'b/x', 'bcd/x'].map((path) => matchesExclude(globs, path, false))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
    expect(matchesExclude(compileExcludeGlob('{single}'), '{single}', false)).toBe(true)
  })

  it('treat a leading ! as a character, not a negation', () => {
    expect(matchesExclude(compileExcludeGlob('!keep.yaml'), 'other.yaml', false)).toBe(false)
  })
})
