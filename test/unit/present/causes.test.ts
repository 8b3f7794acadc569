// One cause = one message: findings from the real rules on probes recorded from real interpreters (isolated venv,
// Debian's /usr/bin/python3 with ROS and torch), grouped once in src/core/present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnosis } from '../../../src/core/engine/doctorApi';
import { buildReport } from '../../../src/core/present/reportModel';
import { presentDiagnosis } from '../../../src/core/present/presentation';
import { runRules } from '../../../src/core/rules';
import type { RuleInput } from '../../../src/core/rules/ruleInput';
import { bareWorkspace, buildRuleInput, loadProbe, type SourceFile } from '../../support/ruleInputBuilder';
import { statusSummary } from '../../../src/core/present/statusSummary';

const NODE = '/ws/src/demo/scripts/node.py';
const TALKER = '/ws/src/demo/scripts/talker.py';

const node: SourceFile = {
  path: NODE,
  packageName: 'demo',
  text: [
    '#!/usr/bin/env python3',
    'import rospy',
    'import torch',
    'import torch.nn as nn',
    'from cv_bridge import CvBridge',
    'import numpy as np',
    'try:',
    '    import netifaces',
    'except ImportError:',
    '    netifaces = None',
    '',
  ].join('\n'),
};
const talker: SourceFile = { path: TALKER, packageName: 'demo', text: '#!/usr/bin/env python3\nimport rospy\nimport yaml\n' };

const venv = loadProbe('isolated-venv');
const system = loadProbe('healthy-system');

function diagnosisOf(input: RuleInput): Diagnosis {
  return {
    workspace: input.workspace,
    rosDistro: input.rosDistro,
    environment: input.environment,
    files: input.files,
    modules: [...input.modules.keys()].sort(),
    selected: input.selected,
    others: input.others,
    findings: runRules(input),
    durationMs: 0,
    processesSpawned: 0,
  };
}

test('a wrong interpreter is one cause: one error per file on its first failing import, the others as related information', () => {
  const diagnosis = diagnosisOf(buildRuleInput({ selected: venv, others: [system], sources: [node, talker] }));
  const { causes, diagnostics, summary } = presentDiagnosis(diagnosis);
  const problems = causes.filter((cause) => cause.severity !== 'hint');
  assert.equal(problems.length, 1, problems.map((cause) => cause.message).join('\n'));
  const [cause] = problems;
  assert.ok(cause);
  assert.equal(cause.severity, 'error');
  assert.match(
    cause.message,
    /^isolated-venv cannot import rospy, torch, cv_bridge and 2 more\. Switch interpreter to \/usr\/bin\/python3, which imports all of them\.$/,
  );
  assert.equal(cause.fixes[0]?.kind, 'selectInterpreter');
  assert.equal(cause.fixes[0]?.isPreferred, true);
  assert.equal(
    cause.fixes.filter((fix) => fix.kind === 'selectInterpreter').length,
    1,
    'one switch button, although several rules offer it',
  );
  assert.equal(cause.fixes.filter((fix) => fix.isPreferred).length, 1);

  const inNode = diagnostics.get(NODE) ?? [];
  assert.deepEqual(
    inNode.filter((spec) => spec.severity === 'error').map((spec) => spec.range.line),
    [2],
    'one error in node.py, on import rospy',
  );
  const primary = inNode[0];
  assert.ok(primary);
  assert.match(primary.message, /cannot import rospy, torch, cv_bridge and numpy\./);
  assert.deepEqual(
    primary.related.filter((item) => item.file === NODE).map((item) => item.range?.line),
    [3, 5, 6],
    'torch (once, though import torch.nn follows), cv_bridge and numpy as related information',
  );
  assert.deepEqual(
    (diagnostics.get(TALKER) ?? []).map((spec) => [spec.range.line, spec.severity]),
    [[2, 'error']],
  );
  assert.equal(summary.diagnostics.error, 2);
  assert.deepEqual(summary.files.map((file) => file.file).sort(), [NODE, TALKER]);
});

test('an optional import missing everywhere is a hint, never counted, and does not hide the better interpreter', () => {
  const diagnosis = diagnosisOf(buildRuleInput({ selected: venv, others: [system], sources: [node] }));
  assert.ok(
    diagnosis.findings.some((finding) => finding.code === 'better-interpreter-available'),
    'better-interpreter-available without ignoring netifaces',
  );
  const { causes, diagnostics, summary } = presentDiagnosis(diagnosis);
  const hint = causes.find((cause) => cause.modules.includes('netifaces'));
  assert.ok(hint);
  assert.equal(hint.severity, 'hint');
  assert.equal(hint.optional, true);
  assert.ok(!hint.message.includes('/usr/bin/python3 has it'), hint.message);
  assert.equal(diagnostics.get(NODE)?.find((spec) => spec.range.line === 8)?.severity, 'hint');
  assert.equal(summary.diagnostics.hint, 1);
  assert.equal(summary.diagnostics.error, 1);

  const report = buildReport(diagnosis);
  const [selected, other] = report.interpreters;
  assert.equal(selected?.usable, false);
  assert.equal(selected?.verdict, '4 of 4 required modules fail');
  assert.equal(other?.usable, true, 'the picker can preselect /usr/bin/python3');
  assert.equal(other?.verdict, 'works (without 1 optional module)');
  assert.equal(report.rows.find((row) => row.module === 'netifaces')?.optional, true);
});

test('a healthy interpreter with only an optional import missing has no problem', () => {
  const diagnosis = diagnosisOf(buildRuleInput({ selected: system, sources: [node] }));
  const { causes, summary } = presentDiagnosis(diagnosis);
  assert.deepEqual(
    causes.map((cause) => cause.severity),
    ['hint'],
  );
  assert.equal(summary.diagnostics.error + summary.diagnostics.warning + summary.diagnostics.info, 0);
  assert.equal(buildReport(diagnosis).interpreters[0]?.verdict, 'works (without 1 optional module)');
});

test('without a better interpreter the failing imports are still one cause: one error per file, each module flagged once with its own fixes', () => {
  const diagnosis = diagnosisOf(buildRuleInput({ selected: venv, sources: [node, talker] }));
  const { causes, diagnostics } = presentDiagnosis(diagnosis);
  const problems = causes.filter((cause) => cause.severity !== 'hint');
  assert.equal(problems.length, 1, problems.map((cause) => cause.message).join('\n'));
  const [cause] = problems;
  assert.ok(cause);
  assert.deepEqual(cause.modules, ['rospy', 'torch', 'cv_bridge', 'numpy', 'yaml']);
  assert.equal(
    cause.message,
    'isolated-venv cannot import rospy, torch, cv_bridge and 2 more, and no other interpreter imports everything the workspace needs. Install torch into isolated-venv.',
  );
  assert.deepEqual(
    cause.locations.filter((place) => place.file === NODE).map((place) => [place.line, place.module]),
    [
      [2, 'rospy'],
      [3, 'torch'],
      [5, 'cv_bridge'],
      [6, 'numpy'],
    ],
    'import torch.nn is the same place of the same module',
  );
  const errors = (diagnostics.get(NODE) ?? []).filter((spec) => spec.severity === 'error');
  assert.deepEqual(
    errors.map((spec) => spec.range.line),
    [2],
    'one error in node.py, on its first failing import',
  );
  const [primary] = errors;
  assert.ok(primary);
  assert.deepEqual(
    primary.related.filter((item) => item.file === NODE).map((item) => item.range?.line),
    [3, 5, 6],
  );
  // Each module is its own repair here, so the one diagnostic of the file offers each module's fixes.
  const titles = primary.fixes.map((fix) => fix.title);
  for (const wanted of ['Install torch into isolated-venv', 'Install numpy into isolated-venv'])
    assert.ok(titles.includes(wanted), `${wanted} in ${JSON.stringify(titles)}`);
  for (const module of ['rospy', 'torch', 'cv_bridge', 'numpy'])
    assert.ok(
      primary.fixes.some((fix) => fix.fix.kind === 'ignoreModule' && fix.fix.module === module),
      `ignore ${module} offered: ${JSON.stringify(titles)}`,
    );
  assert.equal(primary.fixes.filter((fix) => fix.isPreferred).length, 1);
  assert.deepEqual(
    (diagnostics.get(TALKER) ?? []).map((spec) => [spec.range.line, spec.severity]),
    [[2, 'error']],
  );
});

test('every cause fix and every diagnostic fix resolves to a fix of the findings by its id', async () => {
  const { fixesById } = await import('../../../src/core/present/fixPresentation');
  const diagnosis = diagnosisOf(buildRuleInput({ selected: venv, others: [system], sources: [node, talker] }));
  const byId = fixesById(diagnosis.findings);
  const presentation = presentDiagnosis(diagnosis);
  for (const cause of presentation.causes) for (const fix of cause.fixes) assert.ok(byId.has(fix.id), fix.title);
  for (const specs of presentation.diagnostics.values())
    for (const spec of specs) for (const fix of spec.fixes) assert.ok(byId.has(fix.id), fix.title);
  assert.equal(presentDiagnosis(diagnosis), presentation, 'one presentation per diagnosis: every reader gets the same object');
});

test('the status item and the Problems panel read one summary: equal counts, and the tooltip names the files', () => {
  const diagnosis = diagnosisOf(
    buildRuleInput({ selected: venv, others: [system], sources: [node, talker], workspace: bareWorkspace('/ws') }),
  );
  const status = statusSummary(diagnosis);
  const specs = [...presentDiagnosis(diagnosis).diagnostics.values()].flat();
  const bySeverity = (severity: string) => specs.filter((spec) => spec.severity === severity).length;
  assert.deepEqual(status.problems, {
    error: bySeverity('error'),
    warning: bySeverity('warning'),
    info: bySeverity('info'),
    hint: bySeverity('hint'),
  });
  assert.equal(status.level, 'error');
  assert.match(status.tooltip, /2 errors in 2 files: src\/demo\/scripts\/node\.py \(1 error\), src\/demo\/scripts\/talker\.py \(1 error\)/);
  assert.match(status.tooltip, /1 optional import shown as hints/);
  assert.match(status.text, /^isolated-venv \(py3\.\d+\) · /);
});

test('the Markdown report and the JSON list one entry per cause, with every place and each fix once', async () => {
  const { reportMarkdown } = await import('../../../src/core/present/markdownReport');
  const { jsonReport } = await import('../../../src/cli/jsonOutput');
  const diagnosis = diagnosisOf(buildRuleInput({ selected: venv, others: [system], sources: [node, talker] }));
  const markdown = reportMarkdown(diagnosis);
  assert.match(markdown, /## Problems \(1 error, one per cause\)/);
  assert.equal(markdown.match(/^- \*\*error\*\*/gm)?.length, 1, markdown);
  assert.equal(markdown.match(/fix: Switch interpreter to \/usr\/bin\/python3/g)?.length, 1, 'one switch button for the cause');
  assert.match(markdown, /at `\/ws\/src\/demo\/scripts\/talker\.py:2:8` rospy/);
  assert.match(markdown, /### Optional imports \(not counted as problems\)\n\n- \*\*hint\*\* netifaces/);
  assert.match(
    markdown,
    /\| isolated-venv \(selected\) — 5 of 5 required modules fail \| healthy-system — works \(without 1 optional module\) \|/,
  );
  const json = jsonReport(diagnosis);
  assert.equal(json.causes.filter((cause) => cause.severity === 'error').length, 1);
  assert.ok(json.findings.length > json.causes.length, 'findings stay granular in the JSON');
});

/** What the editor draws: each diagnostic's file, line, column, severity and code, sorted. */
const drawn = (diagnosis: Diagnosis): string[] =>
  [...presentDiagnosis(diagnosis).diagnostics.values()]
    .flat()
    .map((spec) => [spec.file, spec.range.line, spec.range.column, spec.severity, spec.code].join(':'))
    .sort();

test('the early answer (the selected interpreter alone) draws what the full answer draws: one error per file, refined in place', () => {
  const input = buildRuleInput({ selected: venv, others: [system], sources: [node, talker] });
  const early: Diagnosis = { ...diagnosisOf({ ...input, others: [] }), others: [], selectedOnly: true };
  const final = diagnosisOf(input);
  assert.deepEqual(drawn(early), drawn(final), 'the same diagnostics at the same places: nothing appears and disappears');
  const earlyNode = presentDiagnosis(early)
    .diagnostics.get(NODE)
    ?.find((spec) => spec.severity === 'error');
  assert.equal(earlyNode?.message, 'isolated-venv cannot import rospy, torch, cv_bridge and numpy.');
  assert.deepEqual(
    earlyNode?.related.filter((item) => item.file === NODE).map((item) => item.range?.line),
    [3, 5, 6],
  );
  assert.match(
    presentDiagnosis(final)
      .diagnostics.get(NODE)
      ?.find((spec) => spec.severity === 'error')?.message ?? '',
    /^isolated-venv cannot import rospy, torch, cv_bridge and numpy\. Switch interpreter to \/usr\/bin\/python3/,
  );
  assert.deepEqual(presentDiagnosis(early).summary.diagnostics, presentDiagnosis(final).summary.diagnostics);
});

test('without a better interpreter too, the early answer draws what the full answer draws: one error per file, refined in place', () => {
  // No other interpreter imports them all (there is none): the full answer used to split the early answer's one error
  // per file into one per module. Both draw the same places now; only the words are refined.
  const input = buildRuleInput({ selected: venv, sources: [node, talker] });
  const early: Diagnosis = { ...diagnosisOf(input), selectedOnly: true };
  const final = diagnosisOf(input);
  assert.deepEqual(drawn(early), drawn(final), 'the same diagnostics at the same places: nothing appears and disappears');
  assert.equal(drawn(final).filter((place) => place.includes(':error:')).length, 2, 'one error per file');
  const errorIn = (diagnosis: Diagnosis, file: string) =>
    presentDiagnosis(diagnosis)
      .diagnostics.get(file)
      ?.find((spec) => spec.severity === 'error');
  assert.equal(errorIn(early, NODE)?.message, 'isolated-venv cannot import rospy, torch, cv_bridge and numpy.');
  assert.equal(
    errorIn(final, NODE)?.message,
    'isolated-venv cannot import rospy, torch, cv_bridge and numpy, and no other interpreter imports everything the workspace needs. Install torch into isolated-venv.',
  );
  assert.equal(errorIn(early, NODE)?.causeId, errorIn(final, NODE)?.causeId, 'the same cause, early and final');
  assert.deepEqual(presentDiagnosis(early).summary, presentDiagnosis(final).summary);
  // Early, a switch that repairs them all may still turn up: only the module on the line can be ignored yet.
  assert.deepEqual(
    errorIn(early, NODE)
      ?.fixes.filter((fix) => fix.kind === 'ignoreModule')
      .map((fix) => fix.title),
    ["Ignore module 'rospy' in this workspace"],
  );
});

test('a switch that suits some failing imports but not all is offered after the repairs, and no file claims it imports them all', () => {
  // Debian's 3.12 dist-packages has rospy and yaml but not torch: no interpreter imports everything the workspace needs.
  const input = buildRuleInput({ selected: venv, others: [loadProbe('py312-debian-dist-packages')], sources: [node, talker] });
  const early: Diagnosis = { ...diagnosisOf({ ...input, others: [] }), others: [], selectedOnly: true };
  const final = diagnosisOf(input);
  assert.deepEqual(drawn(early), drawn(final), 'the same places early and final');
  const errors = [...presentDiagnosis(final).diagnostics.values()].flat().filter((spec) => spec.severity === 'error');
  assert.equal(errors.length, 2, 'one error per file');
  for (const spec of errors) {
    assert.doesNotMatch(spec.message, /Switch interpreter/, `no switch claimed for ${spec.file}: ${spec.message}`);
    const preferred = spec.fixes.find((fix) => fix.isPreferred);
    assert.ok(preferred && preferred.kind !== 'selectInterpreter', `a repair first in ${spec.file}`);
    assert.ok(spec.message.endsWith(`${preferred.title}.`), `the message's first step is the preferred fix: ${spec.message}`);
  }
  const talkerError = errors.find((spec) => spec.file === TALKER);
  const titles = talkerError?.fixes.map((fix) => fix.title) ?? [];
  const switchAt = titles.findIndex((title) => title.startsWith('Switch interpreter to'));
  assert.ok(switchAt > 0, `the partial switch is still offered, after the repairs: ${JSON.stringify(titles)}`);
});

test('a one-module file of a cause that no switch repairs names that module’s own repair first, as its preferred fix', () => {
  // Debian's 3.12 dist-packages has yaml but not torch: the switch to it would lose the node's torch, so the cause's
  // first step in every file is a repair, also in a file whose only failing import that interpreter has.
  const config: SourceFile = { path: '/ws/src/demo/scripts/config.py', packageName: 'demo', text: 'import yaml\n' };
  const input = buildRuleInput({ selected: venv, others: [loadProbe('py312-debian-dist-packages')], sources: [node, talker, config] });
  const final = diagnosisOf(input);
  const spec = presentDiagnosis(final)
    .diagnostics.get(config.path)
    ?.find((item) => item.severity === 'error');
  assert.ok(spec, 'config.py carries the cause once');
  const preferred = spec.fixes.find((fix) => fix.isPreferred);
  assert.ok(preferred && preferred.kind !== 'selectInterpreter', `a repair first: ${JSON.stringify(spec.fixes.map((fix) => fix.title))}`);
  assert.doesNotMatch(spec.message, /Switch interpreter/, spec.message);
  assert.ok(spec.message.split('\n')[0]?.endsWith(`${preferred.title}.`), `the message's first step is the preferred fix: ${spec.message}`);
});
