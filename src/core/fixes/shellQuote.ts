// THE one quoting function for every shell line the doctor offers: a fix must never turn a path into two words.

/** Characters that no POSIX shell (nor zsh) treats specially inside a word. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A word as a POSIX shell reads it back unchanged: left bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word) && !word.startsWith('=')) return word;
  // Inside single quotes nothing is special except the quote itself, which has to leave and re-enter them.
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** One command line from its argv, each word quoted as needed. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
