/**
 * What the browser tests share: where Debian's Chromium is, whether to skip, the flags it runs
 * with here, and the check that every chart of a report page has settled.
 */

/** Debian's Chromium (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
/** CAREFLOW_SKIP_BROWSER=1 skips the browser tests. */
export const SKIP = process.env.CAREFLOW_SKIP_BROWSER === '1';
/** Flags that work as root on a machine with no network. */
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** True in the page once every chart has been drawn or has failed (a string: it runs in the browser). */
export const ALL_CHARTS_SETTLED = "[...document.querySelectorAll('[data-chart]')].every((e) => e.hasAttribute('data-rendered'))";
