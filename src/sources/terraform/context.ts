import type { Facts } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { Suppression } from '../../model/suppression.js'
import type { Chart } from '../helm/charts.js'
import type { Release } from '../helm/releases.js'
import type { SourceResult } from '../source.js'
import type { BlockView } from './block-view.js'
import type { RolePolicies } from './resources/role-policies.js'
import type { HclValue } from './values.js'

/** Where facts, findings and suppressions of a Terraform scan are collected. */
export interface FactSink {
  facts: Facts
  findings: SourceFinding[]
  suppressions: Suppression[]
  /** Repository files read whole as a document of a fact (a trust policy or manifest given to `file()`/`templatefile()`). */
  documentFiles: Set<string>
  /** Role policies and attachments written as resources of their own, joined to the roles once the root is read. */
  rolePolicies?: RolePolicies
}

/** A called module, whatever it is: a local directory, an emulated registry module, or opaque. */
export interface CalledModule {
  output(name: string, location: Location): HclValue
  /** All outputs as one object (`module.x` used as a value). */
  outputsObject(location: Location): HclValue
  collectFacts(sink: FactSink): void
}

/** One resource or data source instance handed to a fact reader. */
export interface ResourceContext {
  view: BlockView
  /** `aws_iam_role.app`, `module.irsa.aws_iam_role.this[0]`, `data.aws_eks_cluster.this`. */
  address: string
  /** Expression prefix of the module instance (`''`, `module.app.`). */
  prefix: string
  /** Repository-relative directory of the root module. */
  root: string
  sink: FactSink
  localCharts?: LocalCharts
  /** The region of the default `aws` provider the module's resources use, when written literally. */
  awsRegion?: { value: string; location: Location }
  /** The account the default `aws` provider works in (`allowed_account_ids`, `assume_role`), when the configuration says it. */
  awsAccount?: { value: string; location: Location }
}

/** The Helm charts of the scan, for a `helm_release` whose chart is a directory of the repository. */
export interface LocalCharts {
  /** The chart in this repository directory, if the scan has its Chart.yaml. */
  chart(directory: string): Chart | undefined
  /** The release's objects, read like the Helm source reads a release it finds. */
  release(release: Release): SourceResult
}

export type ResourceReader = (context: ResourceContext) => void
