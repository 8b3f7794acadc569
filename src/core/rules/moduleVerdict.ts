// One verdict per module and interpreter, so that exactly one module rule speaks about each failure.
import type { RaisedAt, SpecResult, ExtensionFile, InterpreterFacts } from '../probe/protocol';
import type { OkProbe } from './probeFacts';
import { dependenciesOf, importDependenciesOf, ROS_CORE_MODULES } from '../ros/pythonModules';

export type ModuleVerdict =
  | { readonly kind: 'ok' }
  /** Not probed (spec-only pass without a spec, or the run was aborted): no rule speaks. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'case'; readonly variants: readonly string[]; readonly message: string }
  | {
      readonly kind: 'abi';
      /** "cpython-311", or null when the failure's text is all there is. */
      readonly builtFor: string | null;
      readonly error: string;
      readonly detail: string | null;
    }
  | { readonly kind: 'ros-deps'; readonly dependency: string; readonly error: string; readonly detail: string | null }
  | {
      readonly kind: 'error';
      readonly exceptionType: string;
      readonly message: string;
      readonly detail: string | null;
      readonly raisedAt: RaisedAt | null;
    }
  | { readonly kind: 'crash'; readonly signal: string | null; readonly exitCode: number | null; readonly detail: string }
  | { readonly kind: 'timeout'; readonly timeoutMs: number };

/** Texts that mean "this compiled module was built for another Python (or another NumPy)". */
const ABI_SIGNATURES: readonly RegExp[] = [
  /undefined symbol/,
  /dynamic module does not define (module export|init) function/,
  /Failed to load PyTorch C extensions/,
  /_multiarray_umath/,
  /compiled using NumPy 1\.x/,
  /module compiled against (API|ABI) version/,
  /invalid ELF header/,
  /wrong ELF class/,
  /libpython[\d.]*\S*\.so[^:]*: cannot open shared object file/,
];

/** "cpython-311-x86_64-linux-gnu" → "cpython-311". */
export function shortTag(tag: string): string {
  return tag.split('-').slice(0, 2).join('-');
}

/** This interpreter's tag: from SOABI, else made up from its version (2.7 has no SOABI). */
export function ownTag(facts: InterpreterFacts): string {
  return facts.soabi === null ? `cpython-${facts.version.major}${facts.version.minor}` : shortTag(facts.soabi);
}

function isForeignTag(tag: string | null, facts: InterpreterFacts): tag is string {
  if (tag === null || tag === 'abi3') return false;
  return facts.soabi === null ? /^cpython-/.test(tag) : tag !== facts.soabi && shortTag(tag) !== shortTag(facts.soabi);
}

function foreignExtensionTag(extensions: readonly ExtensionFile[], facts: InterpreterFacts): string | null {
  const foreign = extensions.find((e) => isForeignTag(e.abiTag, facts));
  return foreign?.abiTag == null ? null : shortTag(foreign.abiTag);
}

/** The tag in a compiled module's file name: `cv2.cpython-311-x86_64-linux-gnu.so` → "cpython-311". */
function tagInFileName(file: string): string | null {
  const match = /\.((?:cpython|pypy)-?\d+[a-z]*)(?:-[^./]*)?\.(so|pyd|dylib)$/.exec(file);
  return match?.[1] ?? null;
}

function verdictForMissing(spec: SpecResult | undefined, message: string): ModuleVerdict {
  if (spec !== undefined && spec.found === false) {
    if (spec.caseVariants.length > 0) return { kind: 'case', variants: spec.caseVariants, message };
    if (spec.foreignExtensions.length > 0) {
      const builtFor = spec.foreignExtensions.map(tagInFileName).find((t) => t !== null) ?? null;
      return { kind: 'abi', builtFor, error: message, detail: spec.foreignExtensions.join('\n') };
    }
  }
  return { kind: 'missing', message };
}

/** The ROS dependency of this core module an error names, if any: the missing name, or "No module named 'x'". */
function rosDependencyIn(module: string, missingName: string | null, message: string): string | null {
  const named = missingName ?? /No module named '?([\w.]+)'?/.exec(message)?.[1] ?? null;
  const top = named?.split('.')[0];
  // Any of its dependencies: an import that did fail on one said so itself, whenever the table expected it.
  return top !== undefined && dependenciesOf(module).some((d) => d.module === top) ? top : null;
}

/**
 * A dependency the core module imports when it is imported whose spec the probe found missing (rclpy never needs
 * rospkg; rospy without netifaces still imports): the spec-only pass says what the import would.
 */
function missingDependencySpec(probe: OkProbe, module: string): string | null {
  if (probe.specs[module]?.found !== true) return null;
  return importDependenciesOf(module).find((d) => probe.specs[d]?.found === false) ?? null;
}

/**
 * An exception as a message shows it: the type, then its own words in quotes ('ImportError "libGL.so.1: cannot open
 * shared object file"'), so a sentence never strings colons together.
 */
export function exceptionText(exceptionType: string, message: string): string {
  const summary = messageSummary(message);
  return summary === '' ? exceptionType : `${exceptionType} "${summary}"`;
}

/** rclpy's loader (rpyutils.import_c_library) appends one of two hints to the ImportError of its C binding. */
const RCLPY_NOT_PRESENT = /The C extension '([^']+)' isn't present on the system/;
const RCLPY_PRESENT_BUT_FAILED = /The C extension '([^']+)' failed to be imported while being present on the system/;

/** The line of an exception message worth showing: NumPy's "Original error was: …", else the first non-empty line. */
export function messageSummary(message: string): string {
  const original = /Original error was: (.+)/.exec(message)?.[1];
  if (original !== undefined) return original.trim();
  return (
    message
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}

export function moduleVerdict(probe: OkProbe, module: string): ModuleVerdict {
  const spec = probe.specs[module];
  const result = probe.imports[module];
  const facts = probe.facts;
  if (result === undefined) {
    // Spec-only pass: finding the module is all that is known.
    if (spec === undefined) return { kind: 'unknown' };
    if (spec.found === true) {
      const dependency = missingDependencySpec(probe, module);
      return dependency === null
        ? { kind: 'ok' }
        : { kind: 'ros-deps', dependency, error: `No module named '${dependency}'`, detail: null };
    }
    if (spec.found === false) return verdictForMissing(spec, `No module named '${module}'`);
    return { kind: 'error', exceptionType: spec.exceptionType, message: spec.message, detail: null, raisedAt: null };
  }
  switch (result.status) {
    case 'ok': {
      // A module can import and still be broken underneath (cv_bridge's compiled part loads lazily).
      const failed = result.deepChecks.find((d) => d.status === 'error');
      if (failed === undefined) return { kind: 'ok' };
      const error = `${failed.exceptionType ?? 'Error'}: ${failed.message ?? `${failed.target} failed`}`;
      const foreign = foreignExtensionTag(result.extensions, facts);
      if (foreign !== null || ABI_SIGNATURES.some((s) => s.test(error))) return { kind: 'abi', builtFor: foreign, error, detail: null };
      return { kind: 'error', exceptionType: failed.exceptionType ?? 'Error', message: failed.message ?? '', detail: null, raisedAt: null };
    }
    case 'missing':
      return verdictForMissing(spec, result.message);
    case 'not-run':
      if (result.reason === 'aborted') return { kind: 'unknown' };
      return verdictForMissing(spec, `No module named '${module}'`);
    case 'timeout':
      return { kind: 'timeout', timeoutMs: result.timeoutMs };
    case 'crash':
      return { kind: 'crash', signal: result.signal, exitCode: result.exitCode, detail: result.stderrExcerpt };
    case 'error': {
      const error = `${result.exceptionType}: ${messageSummary(result.message)}`;
      const detail = result.traceback === '' ? null : result.traceback;
      // rclpy's own hints say which it is: no binding for this Python's minor (the path names the tag it wanted; the
      // tag on disk is in the package's extension files), or a binding present whose shared libraries did not load.
      const wanted = RCLPY_NOT_PRESENT.exec(result.message)?.[1];
      if (wanted !== undefined) {
        const onDisk = result.extensions.map((e) => e.abiTag).find((tag): tag is string => tag !== null && tag !== 'abi3');
        return {
          kind: 'abi',
          builtFor: onDisk === undefined ? null : shortTag(onDisk),
          error,
          detail: [`wanted: ${wanted}`, ...result.extensions.map((e) => `on disk: ${e.file}`)].join('\n'),
        };
      }
      if (RCLPY_PRESENT_BUT_FAILED.test(result.message))
        return { kind: 'error', exceptionType: result.exceptionType, message: result.message, detail, raisedAt: result.raisedAt };
      if (ROS_CORE_MODULES.includes(module)) {
        // A missing dependency's spec explains only an ImportError, never a SyntaxError from a Python 3 file under 2.7.
        const importError = /^(ImportError|ModuleNotFoundError)$/.test(result.exceptionType);
        const dependency =
          rosDependencyIn(module, result.missingName, result.message) ?? (importError ? missingDependencySpec(probe, module) : null);
        if (dependency !== null) return { kind: 'ros-deps', dependency, error, detail };
      }
      const foreign = foreignExtensionTag(result.extensions, facts);
      const signature = ABI_SIGNATURES.some((s) => s.test(result.message) || s.test(result.traceback));
      if (signature || (result.stage === 'deep-check' && foreign !== null)) {
        return { kind: 'abi', builtFor: foreign, error, detail };
      }
      return { kind: 'error', exceptionType: result.exceptionType, message: result.message, detail, raisedAt: result.raisedAt };
    }
  }
}
