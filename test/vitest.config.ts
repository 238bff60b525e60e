import { defineConfig } from 'vitest/config';
import SummaryLineReporter from './summary-reporter.js';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    reporters: ['default', new SummaryLineReporter()],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
