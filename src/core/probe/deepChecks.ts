// Modules whose `import m` succeeds while the compiled part that makes them useful is broken (see shared/SCENARIOS.md).
// Each deep check is imported after the module, in the same process; the first that fails makes the import an error.

/**
 * One entry per package: the submodules that must import too. An entry is either one target or a list of
 * alternatives (the first that exists for this package version is the one that counts): numpy ≥ 2 moved
 * `numpy.core` to `numpy._core` and keeps `numpy.core` only as a shim, and the probe cannot know the version
 * before importing.
 */
type DeepCheck = string | { readonly anyOf: readonly string[] };

const DEEP_CHECKS: Readonly<Record<string, readonly DeepCheck[]>> = {
  // `import cv_bridge` swallows the failure of its boost module; CvBridge() then needs cv2.
  cv_bridge: ['cv_bridge.boost.cv_bridge_boost', 'cv2'],
  torch: ['torch._C'],
  numpy: [{ anyOf: ['numpy._core._multiarray_umath', 'numpy.core._multiarray_umath'] }],
  rclpy: ['rclpy._rclpy_pybind11'],
};

/**
 * The deep-check targets of a top-level module, as the probe's command line takes them: alternatives joined by
 * `|`. The probe imports the first alternative whose module exists (numpy 2: `numpy._core…`; numpy 1.x, what ROS
 * distros ship: `numpy.core…`) and reports the one it imported, or the one that failed.
 */
export function deepChecksFor(module: string): readonly string[] {
  const checks = DEEP_CHECKS[module];
  if (checks === undefined) return [];
  return checks.map((check) => (typeof check === 'string' ? check : check.anyOf.join('|'))).filter((target) => target !== '');
}
