// The launch-path model: every way a node of the workspace starts, each with the interpreter that runs it and the
// environment it runs in. Collected from files alone (collectLaunchPaths.ts); probed by the engine; judged by rules.
import type { SourceRange } from '../findings/finding';
import type { Shebang } from '../scan/importSite';

/**
 * - editor: Run/Debug in the editor (the selected interpreter, or a matching .vscode/launch.json configuration);
 * - direct: `./node.py`, the source file's own shebang;
 * - rosrun: catkin's relay in devel/lib/<pkg>/ or install/lib/<pkg>/, whose shebang is catkin's PYTHON_EXECUTABLE;
 * - ros2-run: colcon's console-script entry point install/<pkg>/lib/<pkg>/<exe>, whose shebang is the build's Python;
 * - ros2-launch: a *.launch.py file, run by the interpreter of the `ros2` command on the sourced PATH.
 */
export type LaunchKind = 'editor' | 'direct' | 'rosrun' | 'ros2-run' | 'ros2-launch';

/** What a launch path runs its files with. */
export type LaunchRunner =
  | { readonly kind: 'interpreter'; readonly path: string }
  /** The selected interpreter (the editor's Run without a launch.json `python`). */
  | { readonly kind: 'selected' }
  /** The shebang names nothing that exists: a deleted venv, `python` on a system without one. */
  | { readonly kind: 'missing'; readonly wanted: string; readonly reason: 'no-such-file' | 'not-on-path' };

/** The environment a path runs in: the captured (sourced) one, with a launch configuration's additions. */
export interface LaunchEnvironment {
  /** Variables a launch configuration adds (its envFile, then its env); empty for every other path. */
  readonly overrides: Readonly<Record<string, string>>;
}

export interface LaunchPath {
  readonly kind: LaunchKind;
  /** The source file the user edits that this path runs first (the node, or the launch file). */
  readonly file: string;
  readonly packageName: string | null;
  /** How a user starts it: `ros2 run demo_py detector`, `rosrun demo_pkg node.py`, `./scripts/node.py`. */
  readonly command: string;
  /** The generated file that really runs (entry point, relay, the `ros2` script, launch.json); null when it is the source itself. */
  readonly script: string | null;
  /** The shebang that decides the interpreter, when one does. */
  readonly shebang: Shebang | null;
  readonly runner: LaunchRunner;
  readonly environment: LaunchEnvironment;
  /** Where the user declared this way of starting: the console_scripts line in setup.py/setup.cfg, the shebang line. */
  readonly declaredAt: SourceRange | null;
  /**
   * ros2-run only: the distribution whose metadata the built entry point looks up before it imports anything
   * (setuptools' `# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py==0.1.0',…` script calls importlib.metadata.distribution).
   */
  readonly distribution?: string;
}

/** The Python a build baked in, from the files the build left behind. */
export interface BuildInterpreter {
  readonly tool: 'colcon' | 'catkin';
  readonly path: string;
  /** The file that records it (install/local_setup.sh, build/CMakeCache.txt). */
  readonly recordedIn: string;
  readonly exists: boolean;
}
