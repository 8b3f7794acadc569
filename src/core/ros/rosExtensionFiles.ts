// The compiled files of ROS Python modules that probes saw: the ABI tag in their names says which Python the ROS
// install was built for, whatever the distro table assumes.
import type { InterpreterProbe } from '../probe/probeResult';
import { isRosModule } from './pythonModules';
import type { RosExtensionFile } from './rosDistro';

export function rosExtensionFiles(probes: readonly InterpreterProbe[]): RosExtensionFile[] {
  const files: RosExtensionFile[] = [];
  for (const probe of probes) {
    if (probe.kind !== 'ok') continue;
    for (const [module, spec] of Object.entries(probe.specs)) {
      if (isRosModule(module) && spec.found === false) for (const file of spec.foreignExtensions) files.push({ module, file });
    }
    for (const [module, result] of Object.entries(probe.imports)) {
      if (!isRosModule(module) || (result.status !== 'ok' && result.status !== 'error')) continue;
      for (const extension of result.extensions) if (extension.abiTag !== null) files.push({ module, file: extension.abiTag });
    }
  }
  return files;
}
