import type { BuildFile, SdkDependency } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import { emptyResult, perFileSource, type SourceFile, type SourceResult } from '../source.js'
import { sdkDependency } from './dependency.js'
import { readPackageJson, readPackageLock, readPnpmLock, readYarnLock } from './npm.js'
import { readComposerLock, readGemfileLock, readGoMod, readNugetLock } from './other-ecosystems.js'
import { readPipfileLock, readPyproject, readRequirements, readTomlLock } from './python.js'
import { javaSdk, nugetSdk } from './sdk-packages.js'
import { exactRange } from './versions.js'

/**
 * The AWS SDK dependencies of application build files, for the module that reads the web identity
 * token IRSA provides. AWS, "Use IRSA with the AWS SDK"
 * (https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts-minimum-sdk.html):
 * the .NET SDK needs AWSSDK.SecurityToken; the Java SDKs load the web identity provider from their
 * STS module (Java 2.x: "To use web identity tokens, the 'sts' service module must be on the class
 * path"; Java 1.x: aws-java-sdk-sts, aws/aws-sdk-java#2136). Only direct dependencies are read:
 * a module a framework brings in transitively is invisible, so the rule that uses these facts
 * keeps its level low unless the repository ties the build file to an IRSA workload.
 *
 * The same source reads the AWS SDK versions of build files, dependency manifests and lock files
 * (SdkDependency facts, one reader per file name below), for the SDK minimums of model/sdk-minimums.ts.
 */
export const buildFilesSource = perFileSource(
  'build-files',
  ['build-file', 'dependency-manifest', 'lock-file'],
  readDependencyFile,
)

/** The reader of each file name the build-file, dependency-manifest and lock-file kinds take (classify.ts). */
const READERS: readonly (readonly [RegExp, (file: SourceFile) => SourceResult])[] = [
  [/(^|\/)package\.json$/, readPackageJson],
  [/(^|\/)(package-lock|npm-shrinkwrap)\.json$/, readPackageLock],
  [/(^|\/)yarn\.lock$/, readYarnLock],
  [/(^|\/)pnpm-lock\.yaml$/, readPnpmLock],
  [/(^|\/)requirements[^/]*\.txt$/, readRequirements],
  [/(^|\/)(poetry|uv)\.lock$/, readTomlLock],
  [/(^|\/)Pipfile\.lock$/, readPipfileLock],
  [/(^|\/)pyproject\.toml$/, readPyproject],
  [/(^|\/)go\.mod$/, readGoMod],
  [/(^|\/)Gemfile\.lock$/, readGemfileLock],
  [/(^|\/)composer\.lock$/, readComposerLock],
  [/(^|\/)packages\.lock\.json$/, readNugetLock],
]

function readDependencyFile(file: SourceFile): SourceResult {
  const reader = READERS.find(([name]) => name.test(file.path))?.[1] ?? readBuildFile
  return reader(file)
}

interface Dependency {
  group: string
  name: string
  location: Location
  /** The version as written, with Maven properties of the same file filled in; undefined when none is written. */
  version?: string
}

/** Artifacts that are no module of their own (a BOM only pins versions). */
const NOT_A_MODULE = new Set(['bom', 'aws-java-sdk-bom'])
/** Bundles with every service module, STS included. */
const BUNDLES = new Set([
  'software.amazon.awssdk:bundle',
  'software.amazon.awssdk:aws-sdk-java',
  'com.amazonaws:aws-java-sdk',
])

function readBuildFile(file: SourceFile): SourceResult {
  const result = emptyResult()
  const dependencies = file.path.endsWith('.csproj')
    ? packageReferences(file)
    : file.path.endsWith('pom.xml')
      ? mavenDependencies(file)
      : gradleDependencies(file)
  const fact = buildFileFact(file, dependencies)
  if (fact) result.facts.buildFiles = [fact]
  const versions = sdkVersions(file, dependencies)
  if (versions.length > 0) result.facts.sdkDependencies = versions
  return result
}

/**
 * The SDK versions a Java or .NET build file pins: each module's own version, else the version of
 * the SDK's BOM the file imports. A version a parent build or a plugin manages stays unknown.
 */
function sdkVersions(file: SourceFile, dependencies: Dependency[]): SdkDependency[] {
  const dotnet = file.path.endsWith('.csproj')
  const boms = dotnet ? [] : bomImports(file)
  const versions: SdkDependency[] = []
  for (const dependency of dependencies) {
    const sdk = dotnet ? nugetSdk(dependency.name) : javaSdk(dependency.group, dependency.name)
    if (!sdk) continue
    const version = dependency.version ?? boms.find((bom) => javaSdk(bom.group, bom.name) === sdk)?.version
    if (version === undefined) continue
    const name = dotnet ? dependency.name : `${dependency.group}:${dependency.name}`
    const range = /^\d/.test(version) ? exactRange(version) : undefined
    versions.push(sdkDependency(sdk, name, version, range, dependency.location, dotnet ? 'dotnet' : 'java', false))
  }
  return versions
}

/** The SDK BOMs a Maven `<dependencyManagement>` or a Gradle `platform(...)` imports, with their versions. */
function bomImports(file: SourceFile): Dependency[] {
  const boms: Dependency[] = []
  const location = { path: file.path, line: 1, column: 1 }
  if (file.path.endsWith('pom.xml')) {
    const properties = mavenProperties(file.text)
    for (const management of file.text.matchAll(/<dependencyManagement>([\s\S]*?)<\/dependencyManagement>/g))
      for (const match of (management[1] ?? '').matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
        const body = match[1] ?? ''
        const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body)?.[1]
        const name = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body)?.[1]
        const version = mavenVersion(body, properties)
        if (group && name && NOT_A_MODULE.has(name) && version !== undefined)
          boms.push({ group, name, location, version })
      }
    return boms
  }
  for (const match of file.text.matchAll(
    /platform\s*\(\s*["'](software\.amazon\.awssdk|com\.amazonaws):(bom|aws-java-sdk-bom):([^"']+)["']/g,
  ))
    boms.push({ group: match[1] ?? '', name: match[2] ?? '', location, version: match[3] ?? '' })
  return boms
}

/** `<properties>` of a pom, for `${name}` in versions. */
function mavenProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>()
  for (const block of text.matchAll(/<properties>([\s\S]*?)<\/properties>/g))
    for (const property of (block[1] ?? '').matchAll(/<([\w.-]+)>\s*([^<\s]+)\s*<\/\1>/g))
      properties.set(property[1] ?? '', property[2] ?? '')
  return properties
}

function mavenVersion(body: string, properties: Map<string, string>): string | undefined {
  const written = /<version>\s*([^<\s]+)\s*<\/version>/.exec(body)?.[1]
  if (written === undefined) return undefined
  return written.replace(/^\$\{([^}]+)\}$/, (whole: string, name: string) => properties.get(name) ?? whole)
}

function buildFileFact(file: SourceFile, dependencies: Dependency[]): BuildFile | undefined {
  const location: Location = { path: file.path, line: 1, column: 1 }
  const families = [
    { sdk: 'AWS SDK for Java 2.x', group: 'software.amazon.awssdk', sts: 'software.amazon.awssdk:sts' },
    { sdk: 'AWS SDK for Java 1.x', group: 'com.amazonaws', sts: 'com.amazonaws:aws-java-sdk-sts' },
    { sdk: 'AWS SDK for .NET', group: 'nuget', sts: 'AWSSDK.SecurityToken' },
  ] as const
  for (const family of families) {
    const sdk = dependencies.filter(
      (dependency) =>
        dependency.group === family.group &&
        !NOT_A_MODULE.has(dependency.name) &&
        (family.group !== 'com.amazonaws' || javaSdk(dependency.group, dependency.name) === 'java-v1'),
    )
    const first = sdk[0]
    if (!first) continue
    const names = sdk.map((dependency) =>
      family.group === 'nuget' ? dependency.name : `${dependency.group}:${dependency.name}`,
    )
    const hasStsModule = names.some((name) => name === family.sts || BUNDLES.has(name))
    return {
      source: 'build-file',
      location,
      sdk: family.sdk,
      dependency: { name: names[0]!, location: first.location },
      stsModule: family.sts,
      hasStsModule,
    }
  }
  return undefined
}

/** `<dependency>` elements outside `<dependencyManagement>` (which only pins versions) and outside comments. */
function mavenDependencies(file: SourceFile): Dependency[] {
  const text = blank(blank(file.text, /<!--[\s\S]*?-->/g), /<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g)
  const properties = mavenProperties(file.text)
  const dependencies: Dependency[] = []
  for (const match of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = match[1]!
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body)?.[1]
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body)
    if (!group || !artifact) continue
    const dependency: Dependency = {
      group,
      name: artifact[1]!,
      location: locationAt(file, match.index + match[0].indexOf('<artifactId>')),
    }
    const version = mavenVersion(body, properties)
    if (version !== undefined) dependency.version = version
    dependencies.push(dependency)
  }
  return dependencies
}

/** `"group:name[:version]"` coordinates outside comments, except platform()/enforcedPlatform() BOM imports. */
function gradleDependencies(file: SourceFile): Dependency[] {
  const text = blank(blank(file.text, /\/\*[\s\S]*?\*\//g), /\/\/[^\n]*/g)
  const dependencies: Dependency[] = []
  for (const match of text.matchAll(
    /(platform\s*\(\s*)?["'](software\.amazon\.awssdk|com\.amazonaws):([\w.-]+)(:[^"']*)?["']/g,
  )) {
    if (match[1]) continue
    const dependency: Dependency = {
      group: match[2]!,
      name: match[3]!,
      location: locationAt(
        file,
        match.index + (match[0].indexOf('"') >= 0 ? match[0].indexOf('"') : match[0].indexOf("'")),
      ),
    }
    const version = match[4]?.slice(1)
    if (version) dependency.version = version
    dependencies.push(dependency)
  }
  return dependencies
}

/** NuGet `<PackageReference Include="AWSSDK.…">` elements outside comments. */
function packageReferences(file: SourceFile): Dependency[] {
  const text = blank(file.text, /<!--[\s\S]*?-->/g)
  const dependencies: Dependency[] = []
  for (const match of text.matchAll(/<PackageReference\s+([^>]*?)Include\s*=\s*"(AWSSDK\.[^"]+)"([^>]*)>/gi)) {
    const dependency: Dependency = { group: 'nuget', name: match[2]!, location: locationAt(file, match.index) }
    const attributes = `${match[1] ?? ''} ${match[3] ?? ''}`
    const version =
      /\bVersion\s*=\s*"([^"]+)"/i.exec(attributes)?.[1] ??
      (match[3]?.endsWith('/')
        ? undefined
        : /^[^<]*<Version>\s*([^<\s]+)\s*<\/Version>/i.exec(text.slice(match.index + match[0].length))?.[1])
    if (version !== undefined) dependency.version = version
    dependencies.push(dependency)
  }
  return dependencies
}

/** The text with every match replaced by spaces of the same length (line breaks kept), so offsets stay put. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (matched) => matched.replace(/[^\n]/g, ' '))
}

function locationAt(file: SourceFile, offset: number): Location {
  const before = file.text.slice(0, offset)
  const line = before.split('\n').length
  return { path: file.path, line, column: offset - before.lastIndexOf('\n') }
}
