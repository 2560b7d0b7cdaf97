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
  },
});
