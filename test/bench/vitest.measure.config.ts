import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/bench/*.measure.ts'], testTimeout: 600_000, pool: 'forks', execArgv: ['--expose-gc'] } });
