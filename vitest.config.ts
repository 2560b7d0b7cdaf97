import path from 'node:path';
import {defineConfig} from 'vitest/config';

// Unit tests only: Playwright's specs live in e2e/ and are run by `npm run test:e2e`.
export default defineConfig({
  resolve: {
    alias: {'@site': path.resolve(__dirname)},
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Files share one module registry per worker instead of a fresh one each: importing and transforming the
    // engine again for every file was over half of the run (60 s against 26 s). Safe because the engine is pure,
    // no test mocks a module, and the two that fake timers restore them after each test; the suite passed
    // with its files shuffled (`--sequence.shuffle`) three times in a row when this was set.
    isolate: false,
    // CI shares a busy 2-core machine: at a load average of 20 the cost-bound property test took 7.6 s
    // against Vitest's default limit of 5 s. A limit costs nothing while tests pass.
    testTimeout: 30_000,
  },
});
