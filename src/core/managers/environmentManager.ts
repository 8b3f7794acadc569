// Who manages an interpreter's packages: the one tool whose install command changes what that interpreter imports.
// Install fixes go through it and nothing else (apt only reaches the system Python, pip is refused by PEP 668, a uv
// venv has no pip, a pixi env is rebuilt from its manifest).
import { isRealRosDistro } from '../ros/distros';

/** A pixi (or conda) channel that serves RoboStack's `ros-<distro>-*` packages. */
export function isRoboStackChannel(channel: string): boolean {
  return /(^|\/)robostack(-[a-z]+)?\/?$/.test(channel.replace(/\/(linux|osx|win|noarch)(-[a-z0-9_]+)?\/?$/, ''));
}

export type EnvironmentManager =
  | {
      /** The operating system's Python: apt installs into it; PEP 668 (Debian 12, Ubuntu 24.04+) forbids pip there. */
      readonly kind: 'system';
      readonly externallyManaged: boolean;
      /** The stdlib has ensurepip (Debian and Ubuntu ship it in python3-venv): `python3 -m venv` works. */
      readonly ensurepip: boolean;
    }
  | {
      readonly kind: 'venv';
      readonly prefix: string;
      /** pyvenv.cfg's `home`: the folder of the interpreter the venv was made from. */
      readonly home: string | null;
      readonly version: string | null;
      readonly systemSitePackages: boolean;
    }
  | {
      /** A venv made by uv (`uv = <version>` in pyvenv.cfg): it has no pip; `uv pip install --python <venv>` installs. */
      readonly kind: 'uv-venv';
      readonly prefix: string;
      readonly home: string | null;
      readonly version: string | null;
      readonly systemSitePackages: boolean;
      readonly uvVersion: string;
    }
  | { readonly kind: 'pyenv'; readonly version: string }
  | {
      readonly kind: 'conda';
      readonly prefix: string;
      /** Channels packages came from (conda-meta/history), in first-seen order. */
      readonly channels: readonly string[];
      readonly robostack: boolean;
      /** The ROS distro of the RoboStack packages already in it (`ros-noetic-*`), if any. */
      readonly rosDistro: string | null;
    }
  | {
      /** A pixi environment: `<project>/.pixi/envs/<name>`, owned by the manifest; `pixi add` changes it. */
      readonly kind: 'pixi';
      readonly prefix: string;
      readonly environment: string;
      /** pixi.toml, or pyproject.toml with [tool.pixi]. */
      readonly manifest: string;
      /** The manifest's channels (default environment's, then the environment's feature's). */
      readonly channels: readonly string[];
      readonly robostack: boolean;
      /** The ROS distro the manifest already depends on (`ros-humble-*`, `robostack-humble`), if any. */
      readonly rosDistro: string | null;
    }
  /** Anything else (a Python built from source in /opt, an unknown layout): pip, unless PEP 668 says no. */
  | { readonly kind: 'other'; readonly externallyManaged: boolean };

export type ManagerKind = EnvironmentManager['kind'];

/** A short name for messages: "pixi environment default", "uv venv", "Debian's python3 (PEP 668)". */
export function managerLabel(manager: EnvironmentManager): string {
  switch (manager.kind) {
    case 'system':
      return manager.externallyManaged ? 'the system Python (externally managed, PEP 668)' : 'the system Python';
    case 'venv':
      return 'a venv';
    case 'uv-venv':
      return 'a uv venv';
    case 'pyenv':
      return `pyenv ${manager.version}`;
    case 'conda':
      return 'a conda environment';
    case 'pixi':
      return `pixi environment ${manager.environment}`;
    case 'other':
      return 'an unmanaged Python';
  }
}

/** The distro in `ros-<distro>-<name>` package names or a `robostack-<distro>` channel, the first one named. */
export function roboStackDistroIn(text: string): string | null {
  for (const match of text.matchAll(/(?:^|[^a-z0-9-])ros2?-([a-z]+)-[a-z0-9]|robostack-([a-z]+)(?![a-z-])/gm)) {
    const distro = match[1] ?? match[2];
    if (distro !== undefined && isRealRosDistro(distro)) return distro;
  }
  return null;
}
