// Which tool manages an interpreter, from what its probe reported and the few files that say so. Pure.
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterFacts } from '../probe/protocol';
import { historyChannels } from './condaHistory';
import { isRoboStackChannel, roboStackDistroIn, type EnvironmentManager } from './environmentManager';
import { parsePixiManifest } from './pixiManifest';
import { parsePyvenvCfg } from './pyvenvCfg';

export type ManagerFacts = Pick<InterpreterFacts, 'prefix' | 'isVenv' | 'isConda' | 'externallyManaged' | 'version'>;

/** The files read for the classification (see readManagerEvidence.ts); null where there is no such file. */
export interface ManagerEvidence {
  readonly pyvenvCfg: string | null;
  readonly condaHistory: string | null;
  readonly pixi: {
    readonly manifest: string;
    readonly text: string;
    readonly environment: string;
  } | null;
  readonly ensurepip: boolean;
}

export const NO_EVIDENCE: ManagerEvidence = { pyvenvCfg: null, condaHistory: null, pixi: null, ensurepip: true };

export function classifyManager(ref: Pick<InterpreterRef, 'kind'>, facts: ManagerFacts, evidence: ManagerEvidence): EnvironmentManager {
  const history = evidence.condaHistory === null ? [] : historyChannels(evidence.condaHistory);
  if (evidence.pixi !== null) {
    const fileName = evidence.pixi.manifest.endsWith('pyproject.toml') ? 'pyproject.toml' : 'pixi.toml';
    const manifest = parsePixiManifest(evidence.pixi.text, fileName);
    if (manifest.isPixi) {
      const channels = [...manifest.channels, ...(manifest.featureChannels.get(evidence.pixi.environment) ?? [])];
      return {
        kind: 'pixi',
        prefix: facts.prefix,
        environment: evidence.pixi.environment,
        manifest: evidence.pixi.manifest,
        channels,
        robostack: channels.some(isRoboStackChannel),
        rosDistro: roboStackDistroIn(evidence.pixi.text),
      };
    }
  }
  if (facts.isConda) {
    const rosDistro = evidence.condaHistory === null ? null : roboStackDistroIn(evidence.condaHistory.replace(/::/g, ' '));
    return { kind: 'conda', prefix: facts.prefix, channels: history, robostack: history.some(isRoboStackChannel), rosDistro };
  }
  if (facts.isVenv) {
    const cfg = parsePyvenvCfg(evidence.pyvenvCfg ?? '');
    const common = { prefix: facts.prefix, home: cfg.home, version: cfg.version, systemSitePackages: cfg.systemSitePackages };
    return cfg.uv === null ? { kind: 'venv', ...common } : { kind: 'uv-venv', ...common, uvVersion: cfg.uv };
  }
  if (ref.kind === 'pyenv') {
    const { major, minor, micro } = facts.version;
    return { kind: 'pyenv', version: `${major}.${minor}.${micro}` };
  }
  if (ref.kind === 'system' || facts.externallyManaged) {
    return { kind: 'system', externallyManaged: facts.externallyManaged, ensurepip: evidence.ensurepip };
  }
  return { kind: 'other', externallyManaged: facts.externallyManaged };
}
