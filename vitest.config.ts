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
    // CI shares a busy 2-core machine: at a load average of 20 the cost-bound property test took 7.6 s
    // against Vitest's default limit of 5 s. A limit costs nothing while tests pass.
    testTimeout: 30_000,
  },
});
