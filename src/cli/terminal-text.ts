/**
 * Text from files and arguments made safe for a terminal. A description, a name in an error or a
 * file name can hold control characters: an escape sequence (`ESC [ 2 J` clears the screen, others
 * retitle the window or fake earlier output), a carriage return that overwrites the line, or a
 * bidirectional override that shows text in another order than it is. Printed raw, `list` or
 * `validate` of someone else's file would run them. Each is written as a visible `\u001b`-style
 * escape instead, so nothing is lost and nothing is executed.
 *
 * @module
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same with newline: for text that must stay on one line. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_AND_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escaped(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character but tab and newline written as a `\uXXXX` escape. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** `text` on one line: as {@link terminalSafe}, and newlines escaped too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROLS_AND_NEWLINE, escaped);
}
