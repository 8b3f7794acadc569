// Where ROS distros are installed and how their Python extension files say which Python they were built for.

/** Each distro is installed in /opt/ros/<distro> by the ROS apt packages. */
export const ROS_INSTALLS_ROOT = '/opt/ros';

/** "cpython-311-x86_64-linux-gnu", a file name carrying it, or "cpython-27" → { major: 3, minor: 11 }; null otherwise. */
export function pythonOfAbiTag(tagOrFile: string): { readonly major: 2 | 3; readonly minor: number } | null {
  const match = /(?:^|[.-])cpython-([23])(\d+)/.exec(tagOrFile);
  if (match === null) return null;
  return { major: match[1] === '2' ? 2 : 3, minor: Number(match[2]) };
}
