// Every ROS distro this tool knows, with the Python and Ubuntu release its binaries are built for. The Python here
// is a default only: the ABI tag of the ROS Python extensions found on disk wins (RoboStack builds humble for 3.11).
// This is the one file that spells distro names; see docs/architecture.md, "How to add a distro".

export type RosGeneration = 1 | 2;

export interface DistroFacts {
  readonly generation: RosGeneration;
  /** The Python its official binaries are built for; minor null where the distro spans several. */
  readonly python: { readonly major: 2 | 3; readonly minor: number | null };
  /** The Ubuntu release its binaries target ("20.04"), null for Debian's own packages. */
  readonly ubuntu: string | null;
  /** RoboStack (conda, channel robostack-staging) builds packages for it. */
  readonly robostack: boolean;
  /** Built by the ROS apt repositories (`ros-<distro>-<pkg>`), as opposed to Debian's own packages. */
  readonly rosApt: boolean;
}

const ros1 = (ubuntu: string): DistroFacts => ({ generation: 1, python: { major: 2, minor: 7 }, ubuntu, robostack: false, rosApt: true });
const ros2 = (minor: number, ubuntu: string, robostack = false): DistroFacts => ({
  generation: 2,
  python: { major: 3, minor },
  ubuntu,
  robostack,
  rosApt: true,
});

/** Keys are the lower-case names ROS_DISTRO and /opt/ros/<distro> use. */
export const DISTROS: Readonly<Record<string, DistroFacts>> = {
  boxturtle: ros1('8.04'),
  cturtle: ros1('9.10'),
  diamondback: ros1('10.10'),
  electric: ros1('11.04'),
  fuerte: ros1('12.04'),
  groovy: ros1('12.04'),
  hydro: ros1('12.04'),
  indigo: ros1('14.04'),
  jade: ros1('14.04'),
  kinetic: ros1('16.04'),
  lunar: ros1('16.04'),
  melodic: ros1('18.04'),
  // Ubuntu 20.04's 3.8, Debian 10's 3.7, RoboStack's newer ones: no single minor.
  noetic: { generation: 1, python: { major: 3, minor: null }, ubuntu: '20.04', robostack: true, rosApt: true },
  ardent: ros2(5, '16.04'),
  bouncy: ros2(6, '18.04'),
  crystal: ros2(6, '18.04'),
  dashing: ros2(6, '18.04'),
  eloquent: ros2(6, '18.04'),
  foxy: ros2(8, '20.04'),
  galactic: ros2(8, '20.04'),
  humble: ros2(10, '22.04', true),
  iron: ros2(10, '22.04'),
  jazzy: ros2(12, '24.04', true),
  kilted: ros2(12, '24.04', true),
  lyrical: ros2(14, '26.04'),
  rolling: ros2(14, '26.04'),
  // Debian's own ROS 1 packages (python3-rospy …) set ROS_DISTRO=Debian and build for the system python3.
  debian: { generation: 1, python: { major: 3, minor: null }, ubuntu: null, robostack: false, rosApt: false },
};

/** The table's facts for a distro name as ROS_DISTRO spells it (any case); undefined when unknown. */
export function distroFacts(name: string | null): DistroFacts | undefined {
  return name === null ? undefined : DISTROS[name.toLowerCase()];
}

/** A name the ROS apt repositories use (`noetic`, `humble`), as opposed to Debian's own "Debian" or nothing. */
export function isRealRosDistro(name: string | null): name is string {
  return name !== null && DISTROS[name]?.rosApt === true;
}
