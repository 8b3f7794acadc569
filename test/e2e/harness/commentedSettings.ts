// A folder settings.json as people write them: comments, a trailing comma, tabs, another setting after the
// interpreter. Shared by the in-host fallback suite and the UI flow (no vscode import: usable on both sides).

/** The file selecting `interpreter` through python.defaultInterpreterPath (read without the Python extension too). */
export function commentedSettings(interpreter: string): string {
  return [
    '// Workspace settings for the robot',
    '{',
    '\t// the venv with our extra tools',
    `\t"python.defaultInterpreterPath": "${interpreter}", // set by hand`,
    '\t/* keep the editor calm */',
    '\t"editor.formatOnSave": false,',
    '}',
    '',
  ].join('\n');
}
