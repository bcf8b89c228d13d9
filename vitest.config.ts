import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only adds contention on the shared PostgreSQL server.
    maxWorkers: 2,
    // Every Today in the suite proves itself against a plan of the whole account
    // (src/features/plan/plan.service.ts), built CLI runs included (they inherit the env).
    env: { AFTERVIEW_VERIFY_PLAN: '1' },
  },
});
