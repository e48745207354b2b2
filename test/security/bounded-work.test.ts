import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-west-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789'

/** A role whose trust puts a wildcard under StringEquals: one finding, on line 9, that must survive whatever else the repository holds. */
const ROLE_TF = `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::629184035571:oidc-provider/${ISSUER}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "${ISSUER}:sub" = "system:serviceaccount:*:app", "${ISSUER}:aud" = "sts.amazonaws.com" } }
    }]
  })
}
`
const ROLE_FINDING = `infra/main.tf:9:115: error: StringEquals on "${ISSUER}:sub" in Statement[0] compares "system:serviceaccount:*:app" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount [sub-wildcard-needs-stringlike]`

describe('input-controlled nesting is bounded and stays in its file', () => {
  it.each([
    ['2,000 unary minus signs', `${'-'.repeat(2_000)}1`, 'other/deep.tf:2:406'],
    ['2,000 negations', `${'!'.repeat(2_000)}true`, 'other/deep.tf:2:406'],
    ['a sum of 10,000 terms', `1${' + 1'.repeat(10_000)}`, 'other/deep.tf:2:7'],
    ['10,000 nested parentheses', `${'('.repeat(10_000)}1${')'.repeat(10_000)}`, 'other/deep.tf:2:406'],
    ['10,000 nested calls', `${'tostring('.repeat(10_000)}1${')'.repeat(10_000)}`, 'other/deep.tf:2:3598'],
  ])(
    '%s in one .tf file: a located parse-error there, and every other Terraform finding is kept',
    async (_, expression, where) => {
      const result = await scan(
        tempRepo({ 'infra/main.tf': ROLE_TF, 'other/deep.tf': `locals {\n  x = ${expression}\n}\n` }),
      )
      expect(linesOf(result, 'parse-error')).toEqual([
        `${where}: warning: Cannot parse other/deep.tf: nesting deeper than 400 levels here, not read; what parsed around it was still read [parse-error]`,
      ])
      expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([ROLE_FINDING])
    },
  )

  it('the same file in the module that defines the role: the role is still read', async () => {
    const result = await scan(
      tempRepo({ 'infra/main.tf': ROLE_TF, 'infra/deep.tf': `locals {\n  x = ${'-'.repeat(2_000)}1\n}\n` }),
    )
    expect(linesOf(result, 'parse-error')).toEqual([
      'infra/deep.tf:2:406: warning: Cannot parse infra/deep.tf: nesting deeper than 400 levels here, not read; what parsed around it was still read [parse-error]',
    ])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([ROLE_FINDING])
  })
})

describe('local module calls: deep nesting is followed, cycles and the depth limit are located notes', () => {
  /** `modules/m1` … `modules/m<depth>`, each calling the next; the last defines the role. */
  function nestedModules(depth: number): Record<string, string> {
    const files: Record<string, string> = { 'live/main.tf': 'module "m1" {\n  source = "../modules/m1"\n}\n' }
    for (let level = 1; level < depth; level++)
      files[`modules/m${level}/main.tf`] = `module "m${level + 1}" {\n  source = "../m${level + 1}"\n}\n`
    files[`modules/m${depth}/main.tf`] = ROLE_TF
    return files
  }

  it('a role 13 local module calls below the root is evaluated', async () => {
    const result = await scan(tempRepo(nestedModules(13)))
    expect(linesOf(result, 'parse-error')).toEqual([])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([
      ROLE_FINDING.replace('infra/main.tf', 'modules/m13/main.tf'),
    ])
  })

  it('calls nested deeper than 32: a note at the call not followed', async () => {
    const result = await scan(tempRepo(nestedModules(40)))
    const address = Array.from({ length: 33 }, (_, index) => `module.m${index + 1}`).join('.')
    expect(linesOf(result, 'parse-error')).toEqual([
      `modules/m32/main.tf:1:1: note: ${address} calls modules/m33 more than 32 module calls below the root module live: it was not evaluated, nor anything it calls [parse-error]`,
    ])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([])
  })

  it('every module calling the next twice, 20 deep: evaluation stops at 5,000 module instances with one note', async () => {
    const files: Record<string, string> = { 'live/main.tf': 'module "m1" {\n  source = "../modules/m1"\n}\n' }
    for (let level = 1; level < 20; level++) {
      files[`modules/m${level}/main.tf`] =
        `module "left" {\n  source = "../m${level + 1}"\n}\n\nmodule "right" {\n  source = "../m${level + 1}"\n}\n`
    }
    files['modules/m20/main.tf'] = ROLE_TF
    const result = await scan(tempRepo(files))
    const path = [
      ...Array(7).fill('left'),
      'right',
      'left',
      'left',
      'right',
      'right',
      'left',
      ...Array(6).fill('right'),
    ]
    const address = ['module.m1', ...path.map((name) => `module.${name}`)].join('.')
    expect(linesOf(result, 'parse-error')).toEqual([
      `modules/m19/main.tf:5:1: note: the root module live creates more than 5000 module instances: ${address} and the instances after it were not evaluated [parse-error]`,
    ])
  })

  it('modules that call each other below a root: the role is read once and the call that closes the cycle is a note', async () => {
    const result = await scan(
      tempRepo({
        'live/main.tf': 'module "a" {\n  source = "../modules/a"\n}\n',
        'modules/a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
        'modules/b/main.tf': `${ROLE_TF}\nmodule "a" {\n  source = "../a"\n}\n`,
      }),
    )
    expect(linesOf(result, 'parse-error')).toEqual([
      'modules/b/main.tf:14:1: note: module.a.module.b.module.a calls modules/a, which is already being evaluated above it (modules/a → modules/b → modules/a): Terraform rejects a module cycle, and this call was not evaluated [parse-error]',
    ])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([
      ROLE_FINDING.replace('infra/main.tf', 'modules/b/main.tf'),
    ])
  })

  it('modules that only call each other, with no root module above them: each call of the cycle is a note', async () => {
    const result = await scan(
      tempRepo({
        'modules/a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
        'modules/b/main.tf': `${ROLE_TF}\nmodule "a" {\n  source = "../a"\n}\n`,
      }),
    )
    expect(linesOf(result, 'parse-error')).toEqual([
      'modules/a/main.tf:1:1: note: module.b in modules/a calls modules/b, and no root module calls either: they call each other (a module cycle), which Terraform rejects, so nothing in them was checked [parse-error]',
      'modules/b/main.tf:14:1: note: module.a in modules/b calls modules/a, and no root module calls either: they call each other (a module cycle), which Terraform rejects, so nothing in them was checked [parse-error]',
    ])
  })
})

describe('trust policies with thousands of StringLike statements are read in about linear time', () => {
  /** One statement a line; each admits ServiceAccounts matching app-* in namespaces matching team-<i>-*. */
  function manyStatements(
    count: number,
    issuerOf: (index: number) => string,
  ): { files: Record<string, string>; expected: string[] } {
    const lines = Array.from({ length: count }, (_, index) => {
      const issuer = issuerOf(index)
      const statement = {
        Sid: `S${index}`,
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::629184035571:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${issuer}:sub`]: `system:serviceaccount:team-${index}-*:app-*` },
        },
      }
      return JSON.stringify(statement)
    })
    const text = `{"Version": "2012-10-17", "Statement": [\n${lines.join(',\n')}\n]}\n`
    const expected = lines.map((line, index) => {
      const pattern = `system:serviceaccount:team-${index}-*:app-*`
      return (
        `iam/app-trust.json:${index + 2}:${line.indexOf(`"${pattern}"`) + 1}: error: StringLike on "${issuerOf(index)}:sub" in statement "S${index}" admits "${pattern}": ` +
        `a ServiceAccount matching "app-*" in any namespace matching "team-${index}-*" can assume role app; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [sub-condition-broad]`
      )
    })
    return { files: { 'iam/app-trust.json': text }, expected }
  }

  // Before: 4,000 statements took about 400 s; jest's timeout is the guard.
  it('4,000 statements for one OIDC provider: every broad pattern reported', async () => {
    const { files, expected } = manyStatements(4_000, () => ISSUER)
    const result = await scan(tempRepo(files))
    expect(linesOf(result, 'sub-condition-broad')).toEqual(expected)
  }, 60_000)

  // Before: 125 statements took over 3 minutes (each statement's token tried against every provider, each against every statement).
  it('1,000 statements, each for its own OIDC provider: every broad pattern reported', async () => {
    const issuerOf = (index: number) =>
      `oidc.eks.us-west-2.amazonaws.com/id/${(0x7d6c5b4a3928 + index).toString(16).toUpperCase()}1706F5E4D3C2B1A09F8E`
    const { files, expected } = manyStatements(1_000, issuerOf)
    const result = await scan(tempRepo(files))
    expect(linesOf(result, 'sub-condition-broad')).toEqual(expected)
  }, 60_000)
})

describe('a :sub pattern with hundreds of wildcards', () => {
  // Before: 200 wildcards took 23 s and 400 did not end within 2 minutes (every way to share the missing colons among them was tried).
  it('"system:" and 400 stars is read at once as admitting any ServiceAccount', async () => {
    const pattern = `system:${'*'.repeat(400)}`
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::629184035571:oidc-provider/${ISSUER}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { [`${ISSUER}:sub`]: pattern } },
        },
      ],
    }
    const result = await scan(tempRepo({ 'iam/app-trust.json': JSON.stringify(policy) }))
    expect(linesOf(result, 'sub-condition-broad')).toEqual([
      `iam/app-trust.json:1:${JSON.stringify(policy).indexOf(`"${pattern}"`) + 1}: error: StringLike on "${ISSUER}:sub" in Statement[0] admits "${pattern}": any ServiceAccount in any namespace can assume role app; name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [sub-condition-broad]`,
    ])
  }, 60_000)
})
