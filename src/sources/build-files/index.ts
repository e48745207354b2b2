import type { BuildFile } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import { emptyResult, perFileSource, type SourceFile, type SourceResult } from '../source.js'

/**
 * The AWS SDK dependencies of application build files, for the module that reads the web identity
 * token IRSA provides. AWS, "Use IRSA with the AWS SDK"
 * (https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts-minimum-sdk.html):
 * the .NET SDK needs AWSSDK.SecurityToken; the Java SDKs load the web identity provider from their
 * STS module (Java 2.x: "To use web identity tokens, the 'sts' service module must be on the class
 * path"; Java 1.x: aws-java-sdk-sts, aws/aws-sdk-java#2136). Only direct dependencies are read:
 * a module a framework brings in transitively is invisible, so the rule that uses these facts
 * keeps its level low unless the repository ties the build file to an IRSA workload.
 */
export const buildFilesSource = perFileSource('build-files', ['build-file'], readBuildFile)

interface Dependency {
  group: string
  name: string
  location: Location
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
  return result
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
      (dependency) => dependency.group === family.group && !NOT_A_MODULE.has(dependency.name),
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
  const dependencies: Dependency[] = []
  for (const match of text.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = match[1]!
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body)?.[1]
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body)
    if (!group || !artifact) continue
    dependencies.push({
      group,
      name: artifact[1]!,
      location: locationAt(file, match.index + match[0].indexOf('<artifactId>')),
    })
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
    dependencies.push({
      group: match[2]!,
      name: match[3]!,
      location: locationAt(
        file,
        match.index + (match[0].indexOf('"') >= 0 ? match[0].indexOf('"') : match[0].indexOf("'")),
      ),
    })
  }
  return dependencies
}

/** NuGet `<PackageReference Include="AWSSDK.…">` elements outside comments. */
function packageReferences(file: SourceFile): Dependency[] {
  const text = blank(file.text, /<!--[\s\S]*?-->/g)
  const dependencies: Dependency[] = []
  for (const match of text.matchAll(/<PackageReference\s+[^>]*?Include\s*=\s*"(AWSSDK\.[^"]+)"/gi)) {
    dependencies.push({ group: 'nuget', name: match[1]!, location: locationAt(file, match.index) })
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
