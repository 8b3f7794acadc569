// Things detection and the scan noticed but could not use: each becomes a workspace-file-skipped finding on the
// file (the workspace is still detected, the rest still checked).

export type WorkspaceProblem =
  | {
      readonly kind: 'invalid-manifest';
      readonly path: string;
      readonly reason: string;
      readonly line: number | null;
      readonly column: number | null;
    }
  | { readonly kind: 'not-regular-file'; readonly path: string }
  | { readonly kind: 'file-too-large'; readonly path: string; readonly size: number; readonly limit: number }
  | { readonly kind: 'too-many-files'; readonly path: string; readonly limit: number }
  | { readonly kind: 'duplicate-package'; readonly name: string; readonly paths: readonly string[] }
  | { readonly kind: 'search-limit'; readonly path: string; readonly detail: string };

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

export function describeProblem(problem: WorkspaceProblem): string {
  switch (problem.kind) {
    case 'invalid-manifest':
      return `${problem.path} was skipped: ${problem.reason}`;
    case 'not-regular-file':
      return `${problem.path} was skipped: it is not a regular file (a FIFO, device or socket, or a link to one)`;
    case 'file-too-large':
      return `${problem.path} was skipped: it is ${megabytes(problem.size)}, over the ${megabytes(problem.limit)} limit`;
    case 'too-many-files':
      return `the search under ${problem.path} stopped after ${problem.limit} files`;
    case 'duplicate-package':
      return `package ${problem.name} exists more than once: ${problem.paths.join(', ')}`;
    case 'search-limit':
      return `package search under ${problem.path} ${problem.detail}`;
  }
}
