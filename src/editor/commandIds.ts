// Every command id this extension registers, as literals; test/unit/editor/commandIds.test.ts checks them against package.json.
// No vscode import: the test reads this file in plain Node.

/** Commands a user can run from the palette; each has a package.json contribution. */
export const PUBLIC_COMMANDS = {
  probeEnvironment: 'rosEnvDoctor.probeEnvironment',
  showReport: 'rosEnvDoctor.showReport',
  copyReportMarkdown: 'rosEnvDoctor.copyReportMarkdown',
  selectWorkingInterpreter: 'rosEnvDoctor.selectWorkingInterpreter',
  setAnalysisExtraPaths: 'rosEnvDoctor.setAnalysisExtraPaths',
} as const;

/** Commands only code actions and the report call; contributed but hidden from the palette. */
export const INTERNAL_COMMANDS = {
  applyFix: 'rosEnvDoctor.applyFix',
} as const;

export const COMMANDS = { ...PUBLIC_COMMANDS, ...INTERNAL_COMMANDS } as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const CONTEXT_KEYS = {
  isRosWorkspace: 'rosEnvDoctor.isRosWorkspace',
} as const;
