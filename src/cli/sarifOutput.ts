// SARIF 2.1.0, so code-scanning tools show the same findings on the same lines.
import * as path from 'node:path';
import type { Diagnosis } from '../core/engine/doctorApi';
import { FINDING_CODES, type Finding } from '../core/findings/finding';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function sarifReport(diagnosis: Diagnosis, options: { readonly version: string; readonly docsUrl: string }): unknown {
  const root = diagnosis.workspace?.root ?? null;
  const uri = (file: string): string =>
    root !== null && file.startsWith(`${root}${path.sep}`) ? path.relative(root, file).split(path.sep).join('/') : `file://${file}`;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ros-env-doctor',
            version: options.version,
            informationUri: options.docsUrl,
            rules: FINDING_CODES.map((code) => ({ id: code, helpUri: `${options.docsUrl}#${code}` })),
          },
        },
        ...(root === null ? {} : { originalUriBaseIds: { WORKSPACE: { uri: `file://${root}/` } } }),
        results: diagnosis.findings.map((finding) => sarifResult(finding, uri, root !== null)),
      },
    ],
  };
}

function sarifResult(finding: Finding, uri: (file: string) => string, relative: boolean): unknown {
  const location = finding.location;
  return {
    ruleId: finding.code,
    ruleIndex: FINDING_CODES.indexOf(finding.code),
    level: LEVEL[finding.severity],
    message: { text: finding.detail === null ? finding.message : `${finding.message}\n${finding.detail}` },
    locations:
      location === null
        ? []
        : [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: uri(location.file),
                  ...(relative && !uri(location.file).startsWith('file:') ? { uriBaseId: 'WORKSPACE' } : {}),
                },
                // SARIF columns are 1-based; ours are 0-based.
                region: {
                  startLine: location.line,
                  startColumn: location.column + 1,
                  endLine: location.endLine,
                  endColumn: location.endColumn + 1,
                },
              },
            },
          ],
    relatedLocations: finding.related.map((related, id) => ({
      id,
      message: { text: related.message },
      physicalLocation: { artifactLocation: { uri: uri(related.file) } },
    })),
    properties: { interpreter: finding.interpreter, module: finding.module },
  };
}
