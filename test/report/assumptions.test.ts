/** The assumptions section: the run's facts, scenarios, policies of any shape, and sources. */
import { beforeAll, describe, expect, it } from 'vitest';
import { assumptionsHtml, policiesHtml } from '../../src/report/assumptions.js';
import { inlineLibraries } from '../../src/report/inline-libraries.js';
import { loadResults, type ResultsFolder } from '../../src/report/load-results.js';
import { smallResults } from './helpers.js';

let r: ResultsFolder;
beforeAll(async () => {
  r = loadResults(await smallResults());
});

describe('policiesHtml', () => {
  it('shows each policy by its name and its other fields as parameters, escaped', () => {
    const html = policiesHtml([{ name: 'dischargeToAssess', start: 30, rampDays: 60 }, { type: 'pooledBudget', share: { nhs: 0.5 } }, { start: '<b>' }, 'sevenDayWorking']);
    expect(html).toBe(
      '<ul><li><strong>dischargeToAssess</strong> (<code>start</code>: 30; <code>rampDays</code>: 60)</li>' +
        '<li><strong>pooledBudget</strong> (<code>share</code>: {&quot;nhs&quot;:0.5})</li>' +
        '<li><strong>policy</strong> (<code>start</code>: &lt;b&gt;)</li>' +
        '<li>sevenDayWorking</li></ul>',
    );
  });

  it('says none when a scenario has no policies list', () => {
    expect(policiesHtml(undefined)).toBe('none');
    expect(policiesHtml([])).toBe('none');
    expect(policiesHtml({ not: 'a list' })).toBe('none');
  });
});

describe('assumptionsHtml', () => {
  it('names the seed, replications, version and libraries, each scenario change, and the model file with its comments', () => {
    const html = assumptionsHtml(r, inlineLibraries());
    expect(html).toContain('<dt>Seed</dt><dd>11</dd>');
    expect(html).toContain('<dt>Replications per scenario</dt><dd>3</dd>');
    expect(html).toMatch(/<dt>careflow version<\/dt><dd>\d+\.\d+\.\d+<\/dd>/);
    expect(html).toMatch(/<dt>Hashes<\/dt><dd>experiment [0-9a-f]{16}, model [0-9a-f]{16}, code [0-9a-f]{16}<\/dd>/);
    expect(html).toContain('vega 6.4.0, vega-lite 6.4.0, vega-embed 7.3.0');
    expect(html).toContain('<li><code>settings.acute.capacity</code>: 130</li>');
    expect(html).toContain('# A minimal valid model for the loader tests.');
  });
});

describe('assumptionsHtml with --set', () => {
  it('lists each --set value beside the model file value, and says why the file is not shown as run', () => {
    const set = [
      { path: 'settings.acute.capacity', value: 7, was: 120 },
      { path: 'settings.acute.note', value: '<x>' },
    ];
    const html = assumptionsHtml({ ...r, modelText: null, manifest: { ...r.manifest, set } }, inlineLibraries());
    expect(html).toContain(
      '<dt>Set on the command line (every scenario)</dt><dd>settings.acute.capacity = 7 (the model file has 120); settings.acute.note = &lt;x&gt; (unset, the default, in the model file)</dd>',
    );
    expect(html).toContain('--set changed the model file');
    expect(html).not.toContain('is no longer there');
  });

  it('has no --set row for a run without one', () => {
    expect(assumptionsHtml(r, inlineLibraries())).not.toContain('Set on the command line');
  });
});
