// The probe's wire format. Mirrors python/probe.py: change both together and bump PROTOCOL_VERSION.
// Every field is validated by validateProbeDocument.ts before the rest of the core sees it.

export const PROTOCOL_VERSION = 1;

/**
 * The variable carrying a fresh nonce to each probe process. The sentinel lines around the JSON document carry it,
 * so noise printed by sitecustomize or .pth files cannot break the document, a document forged by code in the
 * interpreter without the nonce is ignored, and one copying it makes two documents: an error, never a choice.
 */
export const NONCE_VARIABLE = 'ROS_ENV_DOCTOR_PROBE_NONCE';
/** What probe.py uses when run without a nonce (by hand, or by tests of the probe itself). */
export const NO_NONCE = '9b1f3e';

export function sentinelBegin(nonce: string = NO_NONCE): string {
  return `<<<ros-env-doctor:probe:begin:${nonce}>>>`;
}

export function sentinelEnd(nonce: string = NO_NONCE): string {
  return `<<<ros-env-doctor:probe:end:${nonce}>>>`;
}

/** The sentinels of a probe run without a nonce. */
export const SENTINEL_BEGIN = sentinelBegin();
export const SENTINEL_END = sentinelEnd();

/** A fresh nonce: 32 lowercase hex digits (probe.py accepts [0-9a-f]{1,64}). */
export function newNonce(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}

/** Where a sys.path entry came from, as far as the interpreter can tell. */
export type SysPathOrigin = 'script' | 'pythonpath' | 'stdlib' | 'site' | 'user-site' | 'pth' | 'zip' | 'other';

export interface SysPathEntry {
  readonly path: string;
  readonly origin: SysPathOrigin;
  readonly exists: boolean;
  /** For origin 'pth': the .pth file that added the entry (a proof run drops exactly that file's entries). */
  readonly pthFile?: string;
}

/** A top-level package a (failed) import had loaded, and from where: where a shadowing package shows itself. */
export interface LoadedPackage {
  readonly module: string;
  readonly file: string | null;
  readonly version: string | null;
}

export interface InterpreterFacts {
  /** 'cpython' | 'pypy' | 'jython' | … as sys.implementation.name (or platform) says. */
  readonly implementation: string;
  readonly version: { readonly major: number; readonly minor: number; readonly micro: number; readonly releaseLevel: string };
  /** sys.version, first line. */
  readonly versionString: string;
  readonly executable: string;
  readonly prefix: string;
  readonly basePrefix: string;
  readonly platform: string;
  readonly machine: string;
  /** e.g. ".cpython-311-x86_64-linux-gnu.so"; null where the interpreter has none (2.7, Jython). */
  readonly extSuffix: string | null;
  /** e.g. "cpython-311-x86_64-linux-gnu"; null where unknown. */
  readonly soabi: string | null;
  readonly isVenv: boolean;
  /** The prefix holds conda-meta/, so this is a conda environment. */
  readonly isConda: boolean;
  /** PEP 668: the stdlib directory has an EXTERNALLY-MANAGED marker. */
  readonly externallyManaged: boolean;
  readonly sysPath: readonly SysPathEntry[];
  /** PYTHONPATH as this process saw it, or null when unset. */
  readonly pythonPathEnv: string | null;
  readonly stdlibModules: readonly string[];
  readonly builtinModules: readonly string[];
  /** Site directories whose modification times key the probe cache. */
  readonly siteDirs: readonly string[];
}

/** Whether a module can be found without importing it (importlib.util.find_spec / imp.find_module). */
export type SpecResult =
  | { readonly found: true; readonly origin: string | null; readonly isPackage: boolean }
  | {
      readonly found: false;
      /** Compiled modules of this name on sys.path that this interpreter skips because they carry another ABI tag. */
      readonly foreignExtensions: readonly string[];
      /** Names on sys.path that differ only in case (`Torch` → `torch`). */
      readonly caseVariants: readonly string[];
    }
  | { readonly found: 'error'; readonly exceptionType: string; readonly message: string };

/**
 * Whether a distribution's metadata is found on sys.path, asked as a setuptools entry-point script asks first
 * (`importlib.metadata.distribution(name)`): not found is ROS 2's `PackageNotFoundError` of an unsourced workspace.
 * 'not-applicable' before Python 3.8 and on Jython (no importlib.metadata, no importlib_metadata backport).
 */
export type DistributionResult =
  | { readonly found: true; readonly version: string | null }
  | { readonly found: false; readonly message: string }
  | { readonly found: 'not-applicable' }
  | { readonly found: 'error'; readonly exceptionType: string; readonly message: string };

export interface FactsDocument {
  readonly protocolVersion: number;
  readonly mode: 'facts';
  readonly interpreter: InterpreterFacts;
  readonly specs: Readonly<Record<string, SpecResult>>;
  /** Only when distributions were asked about (`probe.py facts <mods> <distributions>`). */
  readonly distributions?: Readonly<Record<string, DistributionResult>>;
}

export interface ExtensionFile {
  readonly file: string;
  /** "cpython-311-x86_64-linux-gnu", "abi3", or null for an untagged ".so". */
  readonly abiTag: string | null;
}

export interface RaisedAt {
  readonly file: string;
  readonly line: number;
}

export interface DeepCheckResult {
  readonly target: string;
  readonly status: 'ok' | 'error';
  readonly exceptionType?: string;
  readonly message?: string;
}

/** What a real import of one module did, as the probe process itself reports it. */
export type ReportedImport =
  | {
      readonly status: 'ok';
      readonly file: string | null;
      readonly version: string | null;
      readonly extensions: readonly ExtensionFile[];
      readonly deepChecks: readonly DeepCheckResult[];
    }
  | {
      /** The module itself is not there (the ImportError names it or its parent). */
      readonly status: 'missing';
      readonly exceptionType: string;
      readonly message: string;
    }
  | {
      readonly status: 'error';
      /** 'import' when `import m` raised; 'deep-check' when m imported but a deep check failed. */
      readonly stage: 'import' | 'deep-check';
      /** The module (or deep-check target) whose import raised. */
      readonly target: string;
      readonly exceptionType: string;
      readonly message: string;
      /** For an ImportError: the name that could not be found (e.g. 'rospkg' while importing rospy). */
      readonly missingName: string | null;
      /** Innermost frame of the traceback. */
      readonly raisedAt: RaisedAt | null;
      /** The last lines of the formatted traceback. */
      readonly traceback: string;
      readonly file: string | null;
      readonly version: string | null;
      readonly extensions: readonly ExtensionFile[];
      /** Top-level packages loaded from outside the standard library when the import failed (absent from older probes). */
      readonly loaded?: readonly LoadedPackage[];
      /** The file an ImportError names (ImportError.path: an extension the loader refused), when it names one. */
      readonly errorPath?: string | null;
    };

export interface ImportDocument {
  readonly protocolVersion: number;
  readonly mode: 'import';
  readonly module: string;
  readonly outcome: ReportedImport;
}

/** A proof run: the import again with one suspect bypassed (its sys.path entries dropped, or the user site off). */
export interface ProveDocument {
  readonly protocolVersion: number;
  readonly mode: 'prove';
  readonly module: string;
  readonly outcome: ReportedImport;
  /** The sys.path entries the run really dropped. */
  readonly dropped: readonly string[];
  /** Where the packages asked about came from in this run (what the shadowed one really is). */
  readonly watched: readonly LoadedPackage[];
}

export type ProbeDocument = FactsDocument | ImportDocument | ProveDocument;
