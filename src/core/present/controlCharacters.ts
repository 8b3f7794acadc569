// Text from the workspace and the interpreters (file names, module names, exception messages) reaches a terminal
// or the clipboard through the text and Markdown reports. Raw control characters there could set the terminal's
// title, write the clipboard (OSC 52) or clear the screen, so every one is shown escaped (`\x1b`). JSON and SARIF
// escape them already.

/** C0 controls except the newline, DEL, and C1 controls (8-bit CSI and OSC). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
/** The colour sequences the text report itself writes (SGR only: they change colour, nothing else). */
// eslint-disable-next-line no-control-regex
const OWN_COLOUR = /\u001b\[(?:0|1|2|31|32|33|36)m/g;

function escapeOne(character: string): string {
  return `\\x${(character.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`;
}

export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/**
 * The same, keeping the report's own colour sequences. Text from the workspace can hold those very sequences too;
 * they only colour what follows, which is the most a file name can then do.
 */
export function escapeControlCharactersKeepingColour(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(OWN_COLOUR)) {
    result += escapeControlCharacters(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + escapeControlCharacters(text.slice(last));
}
