// Short texts about a finding shared by every output (CLI text, Markdown, report).
import type { Finding } from '../findings/finding';

/** "scripts/node.py:3:7", or the interpreter when the finding belongs to no line. */
export function describeLocation(finding: Finding, relativeTo: (file: string) => string = (file) => file): string {
  if (finding.location !== null) return `${relativeTo(finding.location.file)}:${finding.location.line}:${finding.location.column + 1}`;
  return finding.interpreter ?? 'workspace';
}
