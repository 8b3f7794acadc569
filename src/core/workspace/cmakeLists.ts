// Reads the Python-related calls of a package's CMakeLists.txt: catkin_install_python(PROGRAMS …) and
// catkin_python_setup(). CMake is not evaluated; arguments with variables other than the source dir are left alone.

export interface CmakePythonFacts {
  /** Paths relative to the package folder, in order, without duplicates. */
  readonly installedPrograms: readonly string[];
  readonly callsPythonSetup: boolean;
}

const KEYWORDS = new Set(['PROGRAMS', 'DESTINATION', 'OPTIONAL', 'USE_SOURCE_PERMISSIONS']);

/** A command name where the scan stands (sticky: matched at lastIndex, without copying the text after it). */
const COMMAND_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

interface Call {
  readonly name: string;
  readonly args: readonly string[];
}

/** Splits CMake text into command calls with their arguments (comments, quoting and nested parens handled). */
function commandCalls(text: string): Call[] {
  const calls: Call[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const char = text[i] ?? '';
    if (char === '#') {
      // Bracket comments #[[ … ]] span lines; line comments end at the newline.
      if (text.startsWith('#[[', i)) {
        const end = text.indexOf(']]', i + 3);
        i = end < 0 ? length : end + 2;
      } else {
        const end = text.indexOf('\n', i);
        i = end < 0 ? length : end + 1;
      }
      continue;
    }
    COMMAND_NAME.lastIndex = i;
    const match = COMMAND_NAME.exec(text);
    if (match === null) {
      i++;
      continue;
    }
    // At most 200 characters make a name; the rest of a longer run is read as the next word.
    const name = match[0].length > 200 ? match[0].slice(0, 200) : match[0];
    let j = i + name.length;
    while (j < length && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] !== '(') {
      i = j;
      continue;
    }
    const args: string[] = [];
    let depth = 1;
    j++;
    // The argument being read: what came before its current unquoted run, and where that run starts (the text is
    // sliced once per run, not copied character by character).
    let current = '';
    let runStart = j;
    const flush = (end: number): void => {
      current += text.slice(runStart, end);
      if (current !== '') args.push(current);
      current = '';
    };
    while (j < length && depth > 0) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        // "…": its content joins the argument.
        current += text.slice(runStart, j);
        const end = text.indexOf('"', j + 1);
        current += text.slice(j + 1, end < 0 ? length : end);
        j = end < 0 ? length : end + 1;
        runStart = j;
        continue;
      }
      if (c === 35) {
        current += text.slice(runStart, j);
        const end = text.indexOf('\n', j);
        j = end < 0 ? length : end;
        runStart = j;
        continue;
      }
      if (c === 40) depth++;
      if (c === 41) {
        depth--;
        if (depth === 0) break;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        flush(j);
        runStart = j + 1;
      }
      j++;
    }
    flush(j);
    calls.push({ name: name.toLowerCase(), args });
    i = j + 1;
  }
  return calls;
}

const SOURCE_DIR_VARIABLES = /\$\{(CMAKE_CURRENT_SOURCE_DIR|PROJECT_SOURCE_DIR|CMAKE_CURRENT_LIST_DIR)\}\/?/g;

export function readCmakePythonFacts(text: string): CmakePythonFacts {
  const programs: string[] = [];
  let callsPythonSetup = false;
  for (const call of commandCalls(text)) {
    if (call.name === 'catkin_python_setup') callsPythonSetup = true;
    if (call.name !== 'catkin_install_python') continue;
    let inPrograms = false;
    for (const arg of call.args) {
      if (KEYWORDS.has(arg)) {
        inPrograms = arg === 'PROGRAMS';
        continue;
      }
      if (!inPrograms) continue;
      const path = arg.replace(SOURCE_DIR_VARIABLES, '');
      if (path.includes('${') || path.startsWith('/') || path === '') continue;
      const normalized = path.replace(/^\.\//, '');
      if (!programs.includes(normalized)) programs.push(normalized);
    }
  }
  return { installedPrograms: programs, callsPythonSetup };
}
