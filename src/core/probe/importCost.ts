// Rough relative cost of importing a module, so the prober starts the slow ones first: with torch queued last,
// one core would sit idle while torch imports alone at the end. Measured on Debian's python3 (ms, 2 cores):
// torch ~750–1100, cv_bridge with its deep checks ~230–400, rospy ~110–400, numpy ~65, yaml ~25.

const COST: Readonly<Record<string, number>> = {
  torch: 100,
  tensorflow: 100,
  jax: 80,
  torchvision: 90,
  transformers: 90,
  open3d: 60,
  sklearn: 50,
  pandas: 40,
  scipy: 40,
  matplotlib: 40,
  cv_bridge: 35,
  rospy: 30,
  rclpy: 30,
  cv2: 25,
  tf: 25,
  tf2_ros: 25,
  numpy: 8,
};

/** Unknown modules cost little: most third-party imports are fast. */
const DEFAULT_COST = 5;

export function importCost(module: string): number {
  return COST[module.split('.')[0] ?? module] ?? DEFAULT_COST;
}

/** A module this table has a measured cost for: worth a process started early, since it is installed more often than not. */
export function isKnownCost(module: string): boolean {
  return COST[module.split('.')[0] ?? module] !== undefined;
}

/** A facts pass runs before anything else: every import of that interpreter waits for it. */
export const FACTS_PRIORITY = Number.POSITIVE_INFINITY;
