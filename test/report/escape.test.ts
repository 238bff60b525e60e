/** Escaping: the boundary between strings from files and the page. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('turns every character that can open a tag or leave an attribute into an entity', () => {
    expect(escapeHtml(`<script>alert("1") & 'x'</script>`)).toBe('&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;');
  });

  it('leaves plain text as it is and writes numbers and other values as text', () => {
    expect(escapeHtml('moreAcuteBeds: 5% more (+44)')).toBe('moreAcuteBeds: 5% more (+44)');
    expect(escapeHtml(2025)).toBe('2025');
    expect(escapeHtml(undefined)).toBe('undefined');
  });

  it('escapes an existing entity again, so text shows exactly as written', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('jsonForScript', () => {
  it('is the same JSON, with no character that could end the script element or open a comment', () => {
    const value = { name: '</script><script>alert(1)</script>', other: '<!-- & -->', line: 'a\u2028b\u2029c' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
