// DiagnosticSpecs → vscode.Diagnostics for every file of the diagnosis (open or not: the Problems panel must show what
// the status item counts, both read one ProblemSummary); remembers the specs so code actions can find their fixes.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, docsUrl, findSpec, type DiagnosticSpec } from '../core/present/diagnosticSpecs';
import type { SourceRange } from '../core/findings/finding';
import type { PresentedSeverity } from '../core/present/causes';
import { Disposable } from './lifecycle';

const SEVERITY: Readonly<Record<PresentedSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Our ranges are 1-based lines, 0-based columns; the editor's are 0-based both. */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.line - 1, range.column, range.endLine - 1, range.endColumn);
}

/** One publication of a folder's diagnostics; the bench's firstDiagnostic waits for the first with selectedComplete. */
export interface Publication {
  readonly folder: string;
  /** The selected interpreter's answer is complete in it (other interpreters may still refine it later). */
  readonly selectedComplete: boolean;
  /** The answer with every interpreter and launch path: nothing refines it (an earlier one draws the same places). */
  readonly final: boolean;
  /** performance.now() in the extension host when the diagnostics were handed to VS Code. */
  readonly at: number;
  readonly diagnostics: number;
}

export class DiagnosticsPublisher extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('rosEnvDoctor'));
  private readonly published = this._register(new vscode.EventEmitter<Publication>());
  readonly onDidPublish = this.published.event;
  /** Specs per file path, per folder (a folder's diagnosis replaces only its own files). */
  private readonly byFolder = new Map<string, ReadonlyMap<string, readonly DiagnosticSpec[]>>();
  /**
   * What each file shows now. A new diagnosis that says the same about a file leaves it alone: every set() is a
   * marker change, which makes VS Code drop and re-request the code actions of an open quick-fix menu or lightbulb.
   */
  private readonly shown = new Map<string, string>();

  constructor(private readonly repositoryUrl: string | null) {
    super();
  }

  publish(folder: string, specs: ReadonlyMap<string, readonly DiagnosticSpec[]>, final: boolean, selectedComplete = true): Publication {
    const before = this.byFolder.get(folder);
    this.byFolder.set(folder, specs);
    for (const file of before?.keys() ?? []) if (!specs.has(file)) this.clearFile(file);
    for (const file of specs.keys()) this.refreshFile(file);
    let diagnostics = 0;
    for (const list of specs.values()) diagnostics += list.length;
    const publication: Publication = { folder, selectedComplete, final, at: performance.now(), diagnostics };
    this.published.fire(publication);
    return publication;
  }

  /** Draws what is known about a file that was just opened (nothing when no diagnosis covered it yet). */
  refreshFile(file: string): void {
    const specs = this.specsFor(file);
    if (specs.length === 0) return this.clearFile(file);
    const signature = JSON.stringify(specs);
    if (this.shown.get(file) === signature) return;
    this.shown.set(file, signature);
    this.collection.set(
      vscode.Uri.file(file),
      specs.map((spec) => this.toDiagnostic(spec)),
    );
  }

  /** A closed file keeps its diagnostics: they are part of the folder's summary until the next diagnosis. */
  closeFile(file: string): void {
    if (this.specsFor(file).length === 0) this.clearFile(file);
  }

  clearFolder(folder: string): void {
    for (const file of this.byFolder.get(folder)?.keys() ?? []) this.clearFile(file);
    this.byFolder.delete(folder);
  }

  private clearFile(file: string): void {
    if (!this.shown.delete(file)) return;
    this.collection.delete(vscode.Uri.file(file));
  }

  specsFor(file: string): readonly DiagnosticSpec[] {
    for (const specs of this.byFolder.values()) {
      const list = specs.get(file);
      if (list !== undefined) return list;
    }
    return [];
  }

  /** The spec behind a diagnostic the editor hands back (a copy, so matched by code and position). */
  specOf(file: string, diagnostic: vscode.Diagnostic): DiagnosticSpec | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    return findSpec(this.specsFor(file), code, diagnostic.range.start.line + 1, diagnostic.range.start.character);
  }

  private toDiagnostic(spec: DiagnosticSpec): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(spec.range), spec.message, SEVERITY[spec.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    const url = docsUrl(this.repositoryUrl, spec.docsAnchor);
    diagnostic.code = url === null ? spec.code : { value: spec.code, target: vscode.Uri.parse(url) };
    diagnostic.relatedInformation = spec.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.file(related.file), related.range === null ? new vscode.Position(0, 0) : toRange(related.range)),
          related.message,
        ),
    );
    return diagnostic;
  }
}
