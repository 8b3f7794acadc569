// The report as HTML for a webview: a real table (caption, th scope), words next to every symbol, buttons for fixes,
// theme colours through VS Code's CSS variables, and only a nonce'd inline script. No vscode import: it is text.
import type { Cause, CauseLocation } from '../core/present/causes';
import { CELL_SYMBOL, CELL_WORD, isUsable, type ModuleCell } from '../core/present/moduleCell';
import type { ReportModel } from '../core/present/reportModel';
import { countsText } from '../core/present/problemSummary';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function cell(verdict: ModuleCell): string {
  const word = CELL_WORD[verdict.kind];
  const detail = verdict.version ?? verdict.reason ?? '';
  const css = isUsable(verdict) ? 'good' : verdict.kind === 'unknown' ? 'unknown' : 'bad';
  return `<td class="${css}"><span aria-hidden="true">${escapeHtml(CELL_SYMBOL[verdict.kind])}</span> ${escapeHtml(word)}${detail === '' ? '' : `<div class="detail">${escapeHtml(detail)}</div>`}</td>`;
}

/** A place the user can click: the page posts { kind: 'openLocation', file, line, column } (line 1-based, column 0-based). */
function placeLink(place: CauseLocation, root: string | null): string {
  const shown = root !== null && place.file.startsWith(`${root}/`) ? place.file.slice(root.length + 1) : place.file;
  const what = place.module === null ? '' : ` <code>${escapeHtml(place.module)}</code>`;
  return `<li><a href="#" data-file="${escapeHtml(place.file)}" data-line="${place.line}" data-column="${place.column}" title="${escapeHtml(place.label)}">${escapeHtml(shown)}:${place.line}</a>${what}</li>`;
}

function causeItem(cause: Cause, root: string | null): string {
  const places =
    cause.locations.length === 0 ? '' : `<ul class="places">${cause.locations.map((place) => placeLink(place, root)).join('')}</ul>`;
  const buttons = cause.fixes
    .map(
      (fix) =>
        `<button type="button" data-fix-id="${escapeHtml(fix.id)}"${fix.isPreferred ? ' class="preferred"' : ''}>${escapeHtml(fix.title)}</button>`,
    )
    .join(' ');
  const detail = cause.detail === null ? '' : `<pre>${escapeHtml(cause.detail)}</pre>`;
  const word = cause.severity === 'info' ? 'note' : cause.severity;
  return `<li class="${cause.severity}" data-cause-id="${escapeHtml(cause.id)}"><strong>${escapeHtml(word)}</strong> ${escapeHtml(cause.message)} <code>${escapeHtml(cause.code)}</code>${places}${detail}<div class="fixes">${buttons}</div></li>`;
}

export interface ReportPage {
  readonly model: ReportModel;
  readonly nonce: string;
  readonly cspSource: string;
  readonly generatedAt: string;
}

export function reportHtml(page: ReportPage): string {
  const { model, nonce, cspSource } = page;
  const head = model.interpreters
    .map(
      (interpreter) =>
        `<th scope="col">${escapeHtml(interpreter.displayName)}${interpreter.selected ? ' <em>(selected)</em>' : ''}<div class="detail">${escapeHtml(interpreter.version ?? 'version unknown')} · ${escapeHtml(interpreter.verdict)}</div></th>`,
    )
    .join('');
  const rows = model.rows
    .map(
      (row) =>
        `<tr><th scope="row"><code>${escapeHtml(row.module)}</code>${row.optional ? ' <span class="detail">(optional)</span>' : ''}</th>${row.cells.map(cell).join('')}</tr>`,
    )
    .join('\n');
  const variables = model.variables
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td><code>${escapeHtml(value)}</code></td></tr>`)
    .join('\n');
  const problems = model.causes.filter((cause) => cause.severity !== 'hint');
  const hints = model.causes.filter((cause) => cause.severity === 'hint');
  const findings =
    (problems.length === 0
      ? '<p>No problems found.</p>'
      : `<ul class="findings">${problems.map((cause) => causeItem(cause, model.workspaceRoot)).join('\n')}</ul>`) +
    (hints.length === 0
      ? ''
      : `\n<h3>Optional imports (not counted as problems)</h3>\n<ul class="findings">${hints.map((cause) => causeItem(cause, model.workspaceRoot)).join('\n')}</ul>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ROS Env Doctor report</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
caption { text-align: left; font-weight: bold; padding: 0.4em 0; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border)); padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background); }
.good { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.bad { color: var(--vscode-errorForeground); }
.unknown { color: var(--vscode-descriptionForeground); }
.detail, .where { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
li { margin-bottom: 0.8em; }
li.error strong { color: var(--vscode-errorForeground); }
li.warning strong { color: var(--vscode-editorWarning-foreground); }
li.hint strong, li.info strong { color: var(--vscode-editorInfo-foreground); }
ul.places { margin: 0.3em 0; padding-left: 1.2em; }
a { color: var(--vscode-textLink-foreground); }
pre { white-space: pre-wrap; background: var(--vscode-textCodeBlock-background); padding: 0.4em; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 0.2em 0.7em; margin: 0.2em 0.3em 0 0; cursor: pointer; }
button.preferred { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
</style>
</head>
<body>
<h1>ROS Env Doctor</h1>
<p>Workspace: <code>${escapeHtml(model.workspaceRoot ?? 'none')}</code> (${escapeHtml(model.workspaceKind)}) · ROS distro: <strong>${escapeHtml(model.rosDistro)}</strong> · ROS Python: <strong>${escapeHtml(model.rosPython)}</strong> · Environment: ${escapeHtml(model.environment)}</p>
<p>Interpreter: <code>${escapeHtml(model.selectedInterpreter.path)}</code> (${escapeHtml(model.selectedInterpreter.chosenBy)})</p>
<p><button type="button" data-command="probe">Probe again</button> <button type="button" data-command="copy">Copy as Markdown</button></p>
<h2 id="findings">Problems: ${escapeHtml(countsText(model.summary.causes))}</h2>
${findings}
<h2>Interpreters × modules</h2>
<table>
<caption>What each interpreter does with each module the workspace imports</caption>
<thead><tr><th scope="col">Module</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Environment</h2>
<table>
<caption>Variables that decide what a node imports</caption>
<thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
<tbody>
${variables}
</tbody>
</table>
<p class="detail">Generated ${escapeHtml(page.generatedAt)}.</p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-file]') : null;
  if (link) {
    event.preventDefault();
    vscode.postMessage({ kind: 'openLocation', file: link.dataset.file, line: Number(link.dataset.line), column: Number(link.dataset.column) });
    return;
  }
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button) return;
  if (button.dataset.fixId) vscode.postMessage({ kind: 'applyFix', id: button.dataset.fixId });
  else if (button.dataset.command) vscode.postMessage({ kind: button.dataset.command });
});
</script>
</body>
</html>`;
}
