import { ruleLines } from '../helpers.js'

const id = 'duplicate-trust-subject'

describe(id, () => {
  it('notes the role that also trusts a ServiceAccount another role of the unit trusts', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `terraform/main.tf:28:88: note: role reports-importer's trust allows ServiceAccount reports/exporter, which is annotated with role reports-exporter (trusted at terraform/main.tf:11); a ServiceAccount carries one eks.amazonaws.com/role-arn annotation, so one of the two roles is never used: name the ServiceAccount this role is meant for [${id}]`,
      // no ServiceAccount annotated with either: the later copy; the SecretStore's untrusted ServiceAccount is the likely meaning
      `terraform/main.tf:72:88: note: role ops-restore's trust allows ServiceAccount ops/backup, which role ops-backup's trust (terraform/main.tf:55) also allows; a ServiceAccount carries one eks.amazonaws.com/role-arn annotation, so one of the two roles is never used: name the ServiceAccount this role is meant for (no role trusts ops/restore, which SecretStore restore names at terraform/main.tf:94) [${id}]`,
    ])
  })

  it('stays silent on the same subject in two Terraform roots and on distinct subjects', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
