// Parses a ROS package manifest (package.xml, REP 127/140/149: formats 1, 2 and 3).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DependencyKind, PackageDependency } from './workspace';

export interface PackageManifest {
  readonly name: string;
  readonly format: 1 | 2 | 3;
  readonly buildType: string;
  readonly dependencies: readonly PackageDependency[];
  /** `<export><metapackage/>`: its folder may hold further packages. */
  readonly metapackage: boolean;
}

export type ManifestResult =
  | { readonly kind: 'ok'; readonly manifest: PackageManifest }
  /** line (1-based) and column (1-based, as the XML parser counts) when the parser names a place. */
  | { readonly kind: 'invalid'; readonly reason: string; readonly line?: number; readonly column?: number };

const DEPENDENCY_KINDS: readonly DependencyKind[] = [
  'depend',
  'build_depend',
  'buildtool_depend',
  'build_export_depend',
  'exec_depend',
  'run_depend',
  'test_depend',
  'doc_depend',
];

/** Tags that also appear as `<..._depend>` in format 2+ but are not dependencies of the package itself. */
const ARRAY_TAGS = new Set<string>([...DEPENDENCY_KINDS, 'build_type', 'name']);

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) {
    const inner = (value as Record<string, unknown>)['#text'];
    if (typeof inner === 'string') return inner.trim();
    if (typeof inner === 'number') return String(inner);
  }
  return null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function asArray(value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// Built once: constructing a parser costs more than parsing a manifest. parse() keeps no state between calls.
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => ARRAY_TAGS.has(tagName),
});

export function parsePackageXml(text: string): ManifestResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { kind: 'invalid', reason: `line ${valid.err.line}: ${valid.err.msg}`, line: valid.err.line, column: valid.err.col };
  let document: unknown;
  try {
    document = PARSER.parse(text);
  } catch (error) {
    // The parser is third-party code: what it throws on odd input is an expected outcome here.
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
  const root = asRecord(asRecord(document)?.['package']);
  if (root === null) return { kind: 'invalid', reason: 'no <package> element' };

  const formatAttribute = root['@_format'];
  const format = formatAttribute === undefined ? 1 : Number(textOf(formatAttribute));
  if (format !== 1 && format !== 2 && format !== 3) return { kind: 'invalid', reason: `unknown format "${String(formatAttribute)}"` };

  const name = textOf(asArray(root['name'])[0]);
  if (name === null || name === '') return { kind: 'invalid', reason: 'no <name>' };

  const dependencies: PackageDependency[] = [];
  for (const kind of DEPENDENCY_KINDS) {
    for (const element of asArray(root[kind])) {
      const dependency = textOf(element);
      if (dependency !== null && dependency !== '') dependencies.push({ name: dependency, kind });
    }
  }

  const exportSection = asRecord(asArray(root['export'])[0]);
  let buildType = 'catkin';
  let metapackage = false;
  if (exportSection !== null) {
    const declared = asArray(exportSection['build_type'])
      .map(textOf)
      .find((value): value is string => value !== null && value !== '');
    if (declared !== undefined) buildType = declared;
    metapackage = 'metapackage' in exportSection;
  }
  return { kind: 'ok', manifest: { name, format, buildType, dependencies, metapackage } };
}
