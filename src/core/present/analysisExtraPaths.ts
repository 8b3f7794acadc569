// Pylance resolves imports from `python.analysis.extraPaths`, not from the PYTHONPATH a ROS setup script exports, so
// it underlines `import rospy` even where the node runs fine. What to add to that setting so it sees what the
// sourced environment sees: the PYTHONPATH entries it lacks, in PYTHONPATH's order, after what is there.
export interface ExtraPathsProposal {
  /** Entries of PYTHONPATH the setting lacks. */
  readonly missing: readonly string[];
  /** The setting's new value: its entries, then the missing ones. */
  readonly value: readonly string[];
}

/** `pythonPath` as the sourced environment has it (':'-separated); `current` the setting's entries. */
export function proposeExtraPaths(pythonPath: string | undefined, current: readonly string[], delimiter = ':'): ExtraPathsProposal {
  const have = new Set(current.map(withoutTrailingSlash));
  const missing: string[] = [];
  for (const raw of (pythonPath ?? '').split(delimiter)) {
    const entry = withoutTrailingSlash(raw.trim());
    // An empty entry means "the current directory" to Python, which is no folder Pylance could be told about.
    if (entry === '' || have.has(entry)) continue;
    have.add(entry);
    missing.push(entry);
  }
  return { missing, value: [...current, ...missing] };
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
