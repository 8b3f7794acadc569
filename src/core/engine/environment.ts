// The environment a node really runs in, as captured by sourcing the workspace's setup script (src/node/envCapture.ts).

export type CapturedEnvironment =
  | {
      readonly kind: 'sourced';
      /** The scripts sourced, in order (e.g. /opt/ros/noetic/setup.bash, then devel/setup.bash). */
      readonly scripts: readonly string[];
      readonly shell: string;
      readonly vars: Readonly<Record<string, string>>;
    }
  | {
      /** Nothing was sourced: --no-source, the setting is off, no setup script exists, or the workspace is untrusted. */
      readonly kind: 'plain';
      readonly reason: 'disabled' | 'no-setup-script' | 'untrusted';
      readonly vars: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'failed';
      readonly script: string;
      readonly shell: string;
      readonly detail: string;
      /** The environment without the script: probing goes on in it. */
      readonly vars: Readonly<Record<string, string>>;
    };

/** The variables that decide what a node imports; the report shows these. */
export const RELEVANT_VARIABLES = [
  'ROS_DISTRO',
  'ROS_VERSION',
  'ROS_PYTHON_VERSION',
  'ROS_PACKAGE_PATH',
  'PYTHONPATH',
  'PYTHONHOME',
  'CONDA_PREFIX',
  'CONDA_DEFAULT_ENV',
  'VIRTUAL_ENV',
  'CMAKE_PREFIX_PATH',
  'PATH',
] as const;
