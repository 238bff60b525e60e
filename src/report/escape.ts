/**
 * Escaping for the report page: the security boundary between the strings of a results folder
 * (scenario names and descriptions come from files anyone can edit) and the HTML around them.
 *
 * @module
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML text and for quoted attribute values: `& < > " '` become entities,
 * so a string can neither open a tag nor leave an attribute.
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON that can sit inside a `<script type="application/json">` element: every `<`, `>` and
 * `&` is written as a \u escape (still the same JSON), so no string in it can close the
 * element (`</script>`) or open a comment (`<!--`); U+2028 and U+2029 are escaped too, for
 * tools that read the block as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
