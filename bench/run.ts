// `npm run bench` [-- --json] [-- --only scan,activation]: every figure (or only the ones named), measured in one
// run on this machine, each ratio taken pair by pair against a baseline run in the same loop. Prints the load average before and after, the CPU time the hypervisor
// stole meanwhile, and each figure's spread (min–max over its runs). Not a test: nothing here fails on a missed goal.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { activation, type ActivationResult } from './activationBench';
import { firstDiagnostic, type FirstDiagnosticResult } from './firstDiagnosticBench';
import { CORES } from './engine';
import { matrix, MATRIX_MODULES, setUpMatrix, type MatrixResult } from './matrixBench';
import { cachedReprobe, fullProbeVsFloor, HEAVY_MODULES, specPassVsStartup, SYSTEM_PYTHON, type CachedReprobe } from './probeBench';
import { scan, type ScanResult } from './scanBench';
import { round, spread, type PairedResult, type Spread } from './stats';

const GOALS = {
  fullProbeVsFloor: 1.0,
  specPassVsStartup: 2.0,
  cachedReprobeMs: 5,
  cachedReprobeProcesses: 0,
  matrix: 1.2,
  scanMs: 1000,
  keystrokeMs: 5,
  activationMs: 20,
  firstDiagnosticCold: 1.2,
  firstDiagnosticWarm: 10,
} as const;

/** CPU time of the whole machine from /proc/stat: the steal column is time the hypervisor gave our vCPUs to others. */
function cpuTimes(): { readonly total: number; readonly steal: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((sum, value) => sum + value, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

function stealPercent(before: ReturnType<typeof cpuTimes>, after: ReturnType<typeof cpuTimes>): number | null {
  if (before === null || after === null || after.total === before.total) return null;
  return round((100 * (after.steal - before.steal)) / (after.total - before.total), 1);
}

/** The figures `--only` can pick (comma-separated); without it every one is measured. */
const FIGURES = ['specPass', 'cachedReprobe', 'fullProbe', 'matrix', 'scan', 'activation', 'firstDiagnostic'] as const;
type Figure = (typeof FIGURES)[number];

function chosenFigures(argv: readonly string[]): ReadonlySet<Figure> {
  const index = argv.indexOf('--only');
  if (index === -1) return new Set(FIGURES);
  const asked = (argv[index + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = asked.filter((name) => !(FIGURES as readonly string[]).includes(name));
  if (asked.length === 0 || unknown.length > 0)
    throw new Error(`--only takes a comma-separated list of ${FIGURES.join(', ')}; got "${argv[index + 1] ?? ''}"`);
  return new Set(asked as Figure[]);
}

interface Results {
  readonly fullProbe?: PairedResult;
  readonly specPass?: PairedResult;
  readonly cached?: CachedReprobe;
  readonly matrix?: MatrixResult;
  readonly scan?: ScanResult;
  readonly activation?: ActivationResult;
  readonly firstDiagnostic?: FirstDiagnosticResult;
  readonly totalSeconds: number;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
  readonly stealPercent: number | null;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function machine(): { cores: number; node: string; python: string; cpu: string } {
  const python = execFileSync(SYSTEM_PYTHON, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).trim();
  return { cores: CORES, node: process.versions.node, python: `${SYSTEM_PYTHON} ${python}`, cpu: os.cpus()[0]?.model ?? 'unknown' };
}

function spreads(results: Results): Record<string, Spread> {
  const { fullProbe, specPass, cached, matrix: m, scan: s, activation: a, firstDiagnostic: f } = results;
  const of = (samples: readonly { ratio: number }[]) => spread(samples.map((sample) => sample.ratio));
  return {
    ...(fullProbe === undefined ? {} : { fullProbeVsFloor: of(fullProbe.samples) }),
    ...(specPass === undefined ? {} : { specPassVsStartup: of(specPass.samples) }),
    ...(cached === undefined ? {} : { cachedReprobeMs: spread(cached.runs) }),
    ...(m === undefined ? {} : { matrix: of(m.samples) }),
    ...(s === undefined ? {} : { scanMs: spread(s.runs) }),
    ...(a === undefined ? {} : { activationMs: spread(a.runs) }),
    ...(f?.kind === 'ok' ? { firstDiagnosticCold: f.coldVsFloorSpread, firstDiagnosticWarm: f.warmVsStartupSpread } : {}),
  };
}

function spreadText(value: Spread | undefined, digits = 2): string {
  if (value === undefined || value.runs === 0) return '';
  return value.runs < 2 ? `1 run` : `${value.min.toFixed(digits)}–${value.max.toFixed(digits)} over ${value.runs} runs`;
}

function coldCpuText(f: Extract<FirstDiagnosticResult, { kind: 'ok' }>): string {
  const cpu = f.coldCpu;
  if (cpu === undefined) return '';
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  return `; CPU in that window ${ms(cpu.machineBusyMs)} (our probes ${ms(cpu.probesMs)}, extension host ${ms(cpu.extensionHostMs)}, the rest of VS Code and the machine ${ms(cpu.restMs)}): no scheduling on ${cpu.cores} cores could do it under ${cpu.leastPossibleVsFloor.toFixed(2)}× the floor`;
}

function firstDiagnosticJson(f: FirstDiagnosticResult): unknown {
  if (f.kind !== 'ok') return { measuredIn: 'failed', detail: f.detail };
  return {
    coldVsFloor: round(f.coldVsFloor, 3),
    coldMs: round(f.coldMs, 0),
    floorMs: round(f.floorMs, 0),
    warmVsStartup: round(f.warmVsStartup, 3),
    warmMs: round(f.warmMs, 1),
    measuredIn: 'vscode',
    slowestImport: f.slowestModule,
    startupMs: round(f.startupMs, 1),
    sessions: f.sessions,
    ...(f.coldCpu === undefined
      ? {}
      : {
          coldCpu: {
            cores: f.coldCpu.cores,
            machineBusyMs: round(f.coldCpu.machineBusyMs, 0),
            probesMs: round(f.coldCpu.probesMs, 0),
            extensionHostMs: round(f.coldCpu.extensionHostMs, 0),
            restMs: round(f.coldCpu.restMs, 0),
            leastPossibleVsFloor: round(f.coldCpu.leastPossibleVsFloor, 3),
          },
        }),
  };
}

function json(results: Results): unknown {
  const { fullProbe, specPass, cached, matrix: m, scan: s, activation: a, firstDiagnostic: f } = results;
  const roundSpread = (value: Spread): Spread => ({ min: round(value.min, 3), max: round(value.max, 3), runs: value.runs });
  return {
    ...(fullProbe === undefined ? {} : { fullProbeVsFloor: round(fullProbe.ratio, 3) }),
    ...(specPass === undefined ? {} : { specPassVsStartup: round(specPass.ratio, 3) }),
    ...(cached === undefined ? {} : { cachedReprobe: { ms: round(cached.ms, 3), processes: cached.processes } }),
    ...(m === undefined
      ? {}
      : {
          matrix: round(m.ratio, 3),
          matrixDetail: {
            effectiveCores: round(m.effectiveCores, 2),
            nominalCores: m.cores,
            vsNominalCores: round(m.ratioVsNominalCores, 3),
          },
        }),
    ...(s === undefined
      ? {}
      : {
          scan: {
            ms: round(s.ms, 1),
            keystrokeMs: round(s.keystrokeMs, 2),
            packages: s.packages,
            pythonFiles: s.pythonFiles,
            scannedFiles: s.scannedFiles,
          },
        }),
    ...(a === undefined
      ? {}
      : {
          activation: {
            ms: round(a.ms, 1),
            measuredIn: a.measuredIn,
            activateBodyMs: a.activateBodyMs,
            emptyExtensionMs: a.emptyExtensionMs === null ? null : round(a.emptyExtensionMs, 1),
            standInMs: round(a.standInMs, 1),
            bundleBytes: a.bundleBytes,
            vsixBytes: a.vsixBytes,
          },
        }),
    ...(f === undefined ? {} : { firstDiagnostic: firstDiagnosticJson(f) }),
    spread: Object.fromEntries(Object.entries(spreads(results)).map(([name, value]) => [name, roundSpread(value)])),
    machine: {
      ...machine(),
      loadAverageBefore: results.loadBefore,
      loadAverageAfter: results.loadAfter,
      cpuStealPercent: results.stealPercent,
      benchSeconds: round(results.totalSeconds, 1),
    },
  };
}

type Row = [string, string, string, string, string, string];

function table(results: Results): string {
  const { fullProbe, specPass, cached, matrix: m, scan: s, activation: a, firstDiagnostic: f } = results;
  const spreadOf = spreads(results);
  const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  const holds = (ok: boolean): string => (ok ? 'yes' : 'NO');
  const rows: Row[] = [];
  if (fullProbe !== undefined)
    rows.push([
      'fullProbeVsFloor',
      fullProbe.ratio.toFixed(2),
      '≤ 1.0',
      holds(fullProbe.ratio <= GOALS.fullProbeVsFloor),
      `probe ${ms(fullProbe.measuredMs)} vs \`python3 -c "import ${HEAVY_MODULES.join(', ')}"\` ${ms(fullProbe.baselineMs)}`,
      spreadText(spreadOf.fullProbeVsFloor),
    ]);
  if (specPass !== undefined)
    rows.push([
      'specPassVsStartup',
      specPass.ratio.toFixed(2),
      '≤ 2.0',
      holds(specPass.ratio <= GOALS.specPassVsStartup),
      `spec pass ${ms(specPass.measuredMs)} vs \`python3 -c pass\` ${ms(specPass.baselineMs)}`,
      spreadText(spreadOf.specPassVsStartup),
    ]);
  if (cached !== undefined)
    rows.push([
      'cachedReprobe',
      `${ms(cached.ms)}, ${cached.processes} proc`,
      '≤ 5 ms, 0 proc',
      holds(cached.ms <= GOALS.cachedReprobeMs && cached.processes === GOALS.cachedReprobeProcesses),
      `same request again, nothing changed (${cached.samples} runs)`,
      spreadText(spreadOf.cachedReprobeMs),
    ]);
  if (m !== undefined)
    rows.push([
      'matrix',
      m.ratio.toFixed(2),
      '≤ 1.2',
      holds(m.ratio <= GOALS.matrix),
      `${m.interpreters.length} interpreters × ${MATRIX_MODULES.length}: ${ms(m.measuredMs)} vs Σ floors ${ms(m.baselineMs)} ÷ ${m.effectiveCores.toFixed(2)} cores really available (2 × import torch, in turn vs at once, next to each sample; ${m.cores} nominal: ${m.ratioVsNominalCores.toFixed(2)}); isolated work one at a time ${ms(m.sequentialWorkMs)}`,
      spreadText(spreadOf.matrix),
    ]);
  if (s !== undefined)
    rows.push(
      [
        'scan',
        ms(s.ms),
        '≤ 1000 ms',
        holds(s.ms <= GOALS.scanMs && s.scannedFiles === s.pythonFiles),
        `${s.scannedFiles === s.pythonFiles ? '' : `LOST FILES: the source scanner returned only ${s.scannedFiles} of ${s.pythonFiles}; `}${s.packages} packages, ${s.pythonFiles} files: detect ${ms(s.detectMs)} + scan ${ms(s.importScanMs)}; reading alone ${ms(s.readFloorMs)}, scanImports alone ${ms(s.scanCpuMs)}`,
        spreadText(spreadOf.scanMs, 0),
      ],
      [
        'scan (keystroke)',
        ms(s.keystrokeMs),
        '≤ 5 ms',
        holds(s.keystrokeMs <= GOALS.keystrokeMs),
        `${s.keystrokeLines}-line file, scanImports; through the source scanner ${ms(s.keystrokeViaScannerMs)}`,
        '',
      ],
    );
  if (a !== undefined)
    rows.push([
      'activation',
      ms(a.ms),
      '≤ 20 ms',
      holds(a.ms <= GOALS.activationMs),
      a.measuredIn === 'vscode'
        ? `real VS Code (code-server extension host), extension.activate() of the production bundle, ${a.vscodeRuns} runs; an extension that does nothing ${a.emptyExtensionMs === null ? '?' : ms(a.emptyExtensionMs)}; inside our activate() ${a.activateBodyMs ?? '?'} ms; plain-Node stand-in ${ms(a.standInMs)}`
        : `PLAIN NODE with a stand-in vscode module, NOT a real VS Code (${a.vscodeFailure ?? 'not run'}): load + activate() of the production bundle; inside activate() ${a.activateBodyMs ?? '?'} ms`,
      spreadText(spreadOf.activationMs),
    ]);
  if (f?.kind === 'ok')
    rows.push(
      [
        'firstDiagnostic (cold)',
        f.coldVsFloor.toFixed(2),
        '≤ 1.2',
        holds(f.coldVsFloor <= GOALS.firstDiagnosticCold),
        `real VS Code: opening the node → the selected interpreter's complete answer published, empty probe cache, ${ms(f.coldMs)} vs \`python3 -c "import ${f.slowestModule}"\` ${ms(f.floorMs)} (the node's slowest import), ${f.sessions} sessions after a discarded one${coldCpuText(f)}`,
        spreadText(spreadOf.firstDiagnosticCold),
      ],
      [
        'firstDiagnostic (warm)',
        f.warmVsStartup.toFixed(2),
        '≤ 10',
        holds(f.warmVsStartup <= GOALS.firstDiagnosticWarm),
        `the same for a second node with the same imports (every probe a cache hit), ${ms(f.warmMs)} vs \`python3 -c pass\` ${ms(f.startupMs)}`,
        spreadText(spreadOf.firstDiagnosticWarm),
      ],
    );
  else if (f !== undefined) rows.push(['firstDiagnostic', 'n/a', '≤ 1.2', 'NO', `NOT MEASURED: ${f.detail.split('\n')[0] ?? ''}`, '']);
  if (a !== undefined)
    rows.push(
      ['bundle', `${(a.bundleBytes / 1024).toFixed(0)} KB`, '—', '—', 'dist/extension.js, production build', ''],
      ['VSIX', a.vsixBytes === null ? 'n/a' : `${(a.vsixBytes / 1024).toFixed(0)} KB`, '—', '—', 'npm run package', ''],
    );
  const header: Row = ['figure', 'value', 'goal', 'holds', 'measured', 'spread'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => (i === 4 ? cell : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const separator = `|${widths.map((w, i) => '-'.repeat(i === 4 ? 10 : w + 2)).join('|')}|`;
  const mach = machine();
  return [
    line(header),
    separator,
    ...rows.map(line),
    '',
    `machine: ${mach.cores} cores (${mach.cpu}), Node ${mach.node}, ${mach.python}; load average before ${results.loadBefore.join(' ')}, after ${results.loadAfter.join(' ')}; CPU stolen by the hypervisor during the run ${results.stealPercent === null ? 'unknown' : `${results.stealPercent} %`}; bench took ${results.totalSeconds.toFixed(0)} s`,
    ...(m === undefined
      ? []
      : [`matrix interpreters: ${m.interpreters.map((i) => `${i.name} [${i.present.join(',') || '—'}]`).join('; ')}`]),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const asJson = process.argv.includes('--json');
  const only = chosenFigures(process.argv);
  const started = performance.now();
  const loadBefore = os.loadavg().map((l) => round(l, 2));
  const cpuBefore = cpuTimes();
  progress(`load average ${loadBefore.join(' ')}`);
  let specPass: PairedResult | undefined;
  if (only.has('specPass')) {
    progress('specPassVsStartup');
    specPass = await specPassVsStartup(12);
    progress(`  ratio ${specPass.ratio.toFixed(2)}`);
  }
  let cached: CachedReprobe | undefined;
  if (only.has('cachedReprobe')) {
    progress('cachedReprobe');
    cached = await cachedReprobe(20);
  }
  let fullProbe: PairedResult | undefined;
  if (only.has('fullProbe')) {
    progress('fullProbeVsFloor');
    fullProbe = await fullProbeVsFloor(5);
    progress(`  ratio ${fullProbe.ratio.toFixed(2)} (${fullProbe.measuredMs.toFixed(0)} vs ${fullProbe.baselineMs.toFixed(0)} ms)`);
  }
  let matrixResult: MatrixResult | undefined;
  if (only.has('matrix')) {
    progress('matrix (venvs in a temp folder)');
    const setup = await setUpMatrix();
    try {
      matrixResult = await matrix(setup, 4);
    } finally {
      await setup.dispose();
    }
    progress(
      `  ratio ${matrixResult.ratio.toFixed(2)} (÷ ${matrixResult.effectiveCores.toFixed(2)} cores really available; ${matrixResult.ratioVsNominalCores.toFixed(2)} ÷ ${matrixResult.cores} nominal)`,
    );
  }
  let scanResult: ScanResult | undefined;
  if (only.has('scan')) {
    progress('scan (generating 2,000 packages / 20,000 files in a temp folder)');
    scanResult = await scan(2000, 2);
  }
  let activationResult: ActivationResult | undefined;
  if (only.has('activation')) {
    progress('activation (npm run package, then the production bundle in code-server 3 times, and in plain Node)');
    activationResult = await activation(15, 3);
  }
  let firstResult: FirstDiagnosticResult | undefined;
  if (only.has('firstDiagnostic')) {
    progress('firstDiagnostic (the example node in code-server: 1 discarded session, then 2)');
    firstResult = await firstDiagnostic(2, progress);
  }
  const results: Results = {
    ...(fullProbe === undefined ? {} : { fullProbe }),
    ...(specPass === undefined ? {} : { specPass }),
    ...(cached === undefined ? {} : { cached }),
    ...(matrixResult === undefined ? {} : { matrix: matrixResult }),
    ...(scanResult === undefined ? {} : { scan: scanResult }),
    ...(activationResult === undefined ? {} : { activation: activationResult }),
    ...(firstResult === undefined ? {} : { firstDiagnostic: firstResult }),
    totalSeconds: (performance.now() - started) / 1000,
    loadBefore,
    loadAfter: os.loadavg().map((l) => round(l, 2)),
    stealPercent: stealPercent(cpuBefore, cpuTimes()),
  };
  process.stdout.write(asJson ? `${JSON.stringify(json(results), null, 2)}\n` : table(results));
  // With --json the table still goes to stderr: one run gives both, and a README can quote either.
  if (asJson) process.stderr.write(`\n${table(results)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
