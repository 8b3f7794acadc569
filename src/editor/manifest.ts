// Facts read from our own package.json at run time (never hard-coded twice).

/** The repository's web address from package.json's `repository` (a string or { url }); null when absent. */
export function repositoryUrl(packageJson: unknown): string | null {
  if (typeof packageJson !== 'object' || packageJson === null || !('repository' in packageJson)) return null;
  const repository: unknown = packageJson.repository;
  if (typeof repository === 'string') return repository;
  if (typeof repository === 'object' && repository !== null && 'url' in repository && typeof repository.url === 'string')
    return repository.url;
  return null;
}
