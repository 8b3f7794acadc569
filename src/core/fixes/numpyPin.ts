// NumPy 2 broke the ABI of extensions compiled against NumPy 1.x (cv2, cv_bridge, older torch). Pinning
// `numpy<2` is the cure only where numpy 1.x wheels exist: up to Python 3.12. From 3.13 on (ROS Lyrical and
// Rolling are on 3.14) there is no numpy 1.x to install; the extension has to be a NumPy 2 build instead.
import type { InterpreterFacts } from '../probe/protocol';

export const LAST_MINOR_WITH_NUMPY1_WHEELS = 12;

/** The text NumPy and the extensions it breaks print when a NumPy 1.x extension meets NumPy 2. */
export function isNumpy2Break(message: string): boolean {
  return /compiled using NumPy 1\.x|_ARRAY_API not found|numpy\.core\.multiarray failed to import|numpy\.core\._multiarray_umath failed to import/.test(
    message,
  );
}

/** `numpy<2` where numpy 1.x wheels exist for this Python, else null. */
export function numpyPin(facts: Pick<InterpreterFacts, 'version'>): string | null {
  const { major, minor } = facts.version;
  return major === 3 && minor <= LAST_MINOR_WITH_NUMPY1_WHEELS ? 'numpy<2' : null;
}
