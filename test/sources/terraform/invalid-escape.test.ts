import { fixture, linesOf, scan } from '../../helpers.js'
import { loadHclParser, type HclParser } from '../../../src/sources/terraform/loader.js'
import { parseHcl } from '../../../src/sources/terraform/parse.js'

/* `\UFFFFFFFF` is no character: Terraform rejects the escape, and irsa-guard reports it where it is and reads on. */

let parser: HclParser

beforeAll(async () => {
  parser = await loadHclParser()
})

describe('an escape above U+10FFFF', () => {
  it('is a located parse-error, and the rest of the configuration is still checked', async () => {
    const result = await scan(fixture('terraform', 'invalid-escape'))
    expect(linesOf(result)).toEqual([
      'main.tf:10:7: error: annotation "eks.amazonaws.com/rolearn" on ServiceAccount shop/app is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn [annotation-key-typo]',
      'main.tf:2:25: warning: Cannot parse main.tf: \\UFFFFFFFF is not a Unicode character (above U+10FFFF), which Terraform rejects; what parsed around it was still read [parse-error]',
    ])
  })

  it.each([
    ['a template', 'x = "${var.a} \\U00110000"\n', 1, 15, 'x', '\ufffd'],
    ['a block label', 'resource "aws_iam_role" "\\U7FFFFFFF" {\n}\n', 1, 26, undefined, undefined],
  ])('in %s reads as U+FFFD, with the error at the escape', (_, text, line, column, attribute, ending) => {
    const file = parseHcl(parser, 'main.tf', text)
    expect(file.error?.location).toEqual({ path: 'main.tf', line, column })
    if (attribute) {
      const expression = file.body.attributes.find((item) => item.name === attribute)?.expression
      expect(expression?.kind).toBe('template')
      const parts = expression?.kind === 'template' ? expression.parts : []
      expect(parts[parts.length - 1]).toMatchObject({ kind: 'text', text: ` ${ending}` })
    } else {
      expect(file.body.blocks[0]?.labels).toEqual(['aws_iam_role', '\ufffd'])
    }
  })
})
