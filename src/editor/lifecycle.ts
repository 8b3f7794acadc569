// The Disposable base (VS Code's own idiom): an object owns what it _register()s and disposes it with itself.
import type * as vscode from 'vscode';

export interface IDisposable {
  dispose(): void;
}

export abstract class Disposable implements IDisposable {
  private readonly disposables: IDisposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected _register<T extends IDisposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Last registered first, so nothing outlives what it depends on.
    for (const disposable of this.disposables.splice(0).reverse()) disposable.dispose();
  }
}

/** A named lifetime: the extension's, a workspace folder's. */
export class DisposableStore extends Disposable {
  add<T extends IDisposable>(disposable: T): T {
    return this._register(disposable);
  }
}

export function toDisposable(dispose: () => void): vscode.Disposable {
  return { dispose };
}
