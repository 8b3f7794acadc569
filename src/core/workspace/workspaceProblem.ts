// Things detection noticed but could not use; the caller can show them (the workspace is still detected).

export type WorkspaceProblem =
  | { readonly kind: 'invalid-manifest'; readonly path: string; readonly reason: string }
  | { readonly kind: 'duplicate-package'; readonly name: string; readonly paths: readonly string[] }
  | { readonly kind: 'search-limit'; readonly path: string; readonly detail: string };

export function describeProblem(problem: WorkspaceProblem): string {
  switch (problem.kind) {
    case 'invalid-manifest':
      return `${problem.path} was skipped: ${problem.reason}`;
    case 'duplicate-package':
      return `package ${problem.name} exists more than once: ${problem.paths.join(', ')}`;
    case 'search-limit':
      return `package search under ${problem.path} ${problem.detail}`;
  }
}
