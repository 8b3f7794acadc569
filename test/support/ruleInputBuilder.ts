// Builds a RuleInput the way the engine does, from recorded probe output (test/fixtures/probes/) and Python sources
// scanned by the real import scanner: rules are tested on what real interpreters reported.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { CapturedEnvironment } from '../../src/core/engine/environment';
import { importedModules, withoutStandardLibrary } from '../../src/core/engine/neededModules';
import type { InterpreterRef } from '../../src/core/interpreters/interpreter';
import type { InterpreterProbe } from '../../src/core/probe/probeResult';
import type { RuleInput, ScannedSource, ShebangTarget } from '../../src/core/rules/ruleInput';
import { scanImports } from '../../src/core/scan/importScanner';
import { loadRecordedProbe } from './recordedProbes';
import type { RosDistro, Workspace } from '../../src/core/workspace/workspace';

export const FIXTURE_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'probes');
/** Probes recorded for the rule tests (see each file's _note). */
export const RULE_FIXTURE_DIR = path.join(FIXTURE_DIR, 'rules');

/**
 * A recorded InterpreterProbe: test/fixtures/probes/<name>.json (the recorder's {scenario, description, env, probe})
 * or, for the few scenarios only the rule tests need, test/fixtures/probes/rules/<name>.json (a bare probe with a _note).
 */
export function loadProbe(name: string): InterpreterProbe {
  const shared = path.join(FIXTURE_DIR, `${name}.json`);
  return loadRecordedProbe(existsSync(shared) ? shared : path.join(RULE_FIXTURE_DIR, `${name}.json`));
}

/** The same probe as if the interpreter had been found elsewhere (a different path, kind or name). */
export function withInterpreter(probe: InterpreterProbe, changes: Partial<InterpreterRef>): InterpreterProbe {
  return { ...probe, interpreter: { ...probe.interpreter, ...changes } };
}

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly packageName?: string | null;
}

export const noRos: RosDistro = { name: null, pythonVersion: null, pythonMinor: null, rosVersion: null, evidence: 'none' };

export const plainEnvironment: CapturedEnvironment = { kind: 'plain', reason: 'no-setup-script', vars: {} };

export interface RuleInputOptions {
  readonly selected: InterpreterProbe;
  readonly sources: readonly SourceFile[];
  readonly others?: readonly InterpreterProbe[];
  readonly selectedPlain?: InterpreterProbe | null;
  readonly rosDistro?: RosDistro;
  readonly environment?: CapturedEnvironment;
  readonly workspace?: Workspace | null;
  readonly shebangs?: readonly ShebangTarget[];
  readonly pathDirs?: readonly string[];
  readonly ignoredModules?: readonly string[];
  /** The machine's host name; null: unknown. Default: a real name, on which rospy.init_node needs no netifaces. */
  readonly hostName?: string | null;
}

export function scanSources(sources: readonly SourceFile[]): ScannedSource[] {
  return sources.map((s) => ({ path: s.path, packageName: s.packageName ?? null, role: 'node', scan: scanImports(s.text) }));
}

export function buildRuleInput(options: RuleInputOptions): RuleInput {
  const files = scanSources(options.sources);
  const ignored = options.ignoredModules ?? [];
  const facts = options.selected.kind === 'ok' ? options.selected.facts : null;
  return {
    workspace: options.workspace ?? null,
    rosDistro: options.rosDistro ?? noRos,
    environment: options.environment ?? plainEnvironment,
    files,
    modules: withoutStandardLibrary(importedModules(files, new Set(ignored)), facts),
    selected: options.selected,
    selectedPlain: options.selectedPlain ?? null,
    others: options.others ?? [],
    shebangs: options.shebangs ?? [],
    pathDirs: options.pathDirs ?? ['/usr/local/bin', '/usr/bin', '/bin'],
    ignoredModules: ignored,
    ...(options.hostName === null ? {} : { hostName: options.hostName ?? 'workstation' }),
  };
}

/** A workspace with nothing but a root and setup scripts, for rules that only look at those. */
export function bareWorkspace(root: string, setupScripts: Workspace['setupScripts'] = []): Workspace {
  return { root, kind: 'catkin_make', packages: [], pythonSources: [], setupScripts, relays: [] };
}

/** A rospy node that needs the whole stack: ROS, torch, OpenCV through cv_bridge, NumPy, YAML (all probed by the recorder). */
export const NODE_PATH = '/ws/src/demo/scripts/node.py';
export const NODE_TEXT = [
  '#!/usr/bin/env python3',
  'import rospy',
  'import torch',
  'from cv_bridge import CvBridge',
  'import cv2',
  'import numpy as np',
  'import yaml',
  '',
].join('\n');
export const NODE: SourceFile = { path: NODE_PATH, text: NODE_TEXT, packageName: 'demo' };
