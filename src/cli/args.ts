// `ros-env-doctor [WORKSPACE] [--python PATH] [--all] [--format text|json|sarif|markdown] [--timeout SECONDS] [--no-source] [--modules a,b]`

export type OutputFormat = 'text' | 'json' | 'sarif' | 'markdown';

export interface CliOptions {
  readonly workspace: string;
  readonly python: string | null;
  readonly all: boolean;
  readonly format: OutputFormat;
  readonly timeoutMs: number;
  readonly source: boolean;
  readonly modules: readonly string[];
  readonly ignore: readonly string[];
  readonly cache: boolean;
  readonly color: boolean | 'auto';
  /** Nothing inside the workspace is executed or sourced (explicit only: CI=true does not imply it). */
  readonly untrusted: boolean;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'error'; readonly message: string };

export const USAGE = `Usage: ros-env-doctor [WORKSPACE] [options]

Tells whether a Python interpreter can really run the ROS nodes of WORKSPACE (default: the current folder).

Options:
  --python PATH        the interpreter to check (default: python3 on the PATH of the sourced environment)
  --all                probe every interpreter found (PATH, pyenv, conda, venvs) and print the matrix
  --format FORMAT      text (default), json, sarif or markdown
  --timeout SECONDS    time limit for each probe process (default 15)
  --no-source          do not source the workspace's setup script first
  --modules a,b        also check these modules
  --ignore a,b         never report these modules
  --no-cache           probe again even if nothing changed
  --untrusted          run and source nothing from inside the workspace (its venvs, shebang
                       interpreters, setup scripts, PYTHONPATH entries): for checking a pull request
  --color / --no-color force colours on or off (default: on for a terminal)
  -h, --help           show this help
  --version            print the version

Exit status: 0 no error found, 1 error findings, 2 bad usage or internal failure.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'markdown'];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let workspace: string | null = null;
  let python: string | null = null;
  let all = false;
  let format: OutputFormat = 'text';
  let timeoutMs = 15_000;
  let source = true;
  let modules: string[] = [];
  let ignore: string[] = [];
  let cache = true;
  let color: boolean | 'auto' = 'auto';
  let untrusted = false;

  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index] ?? '';
    const [flag, inline] =
      raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) return null;
      index++;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--version':
        return { kind: 'version' };
      case '--python': {
        const given = value();
        if (given === null || given === '')
          return { kind: 'error', message: '--python needs a path to a Python interpreter, e.g. --python /usr/bin/python3' };
        python = given;
        break;
      }
      case '--all':
        all = true;
        break;
      case '--format': {
        const given = value();
        if (given === null || !FORMATS.includes(given as OutputFormat))
          return { kind: 'error', message: `--format must be one of ${FORMATS.join(', ')}${given === null ? '' : ` (got '${given}')`}` };
        format = given as OutputFormat;
        break;
      }
      case '--timeout': {
        const given = value();
        const seconds = given === null ? Number.NaN : Number(given);
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
          return {
            kind: 'error',
            message: `--timeout needs a number of seconds between 0 and 3600${given === null ? '' : ` (got '${given}')`}`,
          };
        timeoutMs = Math.round(seconds * 1000);
        break;
      }
      case '--no-source':
        source = false;
        break;
      case '--modules':
      case '--ignore': {
        const given = value();
        const names = (given ?? '')
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '');
        const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name));
        if (given === null || names.length === 0 || bad !== undefined)
          return {
            kind: 'error',
            message: `${flag} needs a comma-separated list of module names, e.g. ${flag} torch,cv2${bad === undefined ? '' : ` ('${bad}' is not a module name)`}`,
          };
        if (flag === '--modules') modules = names.map((name) => name.split('.')[0] ?? name);
        else ignore = names;
        break;
      }
      case '--no-cache':
        cache = false;
        break;
      case '--untrusted':
        untrusted = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      default:
        if (raw.startsWith('-')) return { kind: 'error', message: `unknown option '${raw}' (see --help)` };
        if (workspace !== null) return { kind: 'error', message: `only one WORKSPACE may be given (got '${workspace}' and '${raw}')` };
        workspace = raw;
    }
  }
  return {
    kind: 'run',
    options: { workspace: workspace ?? '.', python, all, format, timeoutMs, source, modules, ignore, cache, color, untrusted },
  };
}
