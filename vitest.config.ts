import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Encodes the shipped corpus once (or finds it in the encoder's vector cache) before any test file builds it.
    globalSetup: ['test/support/warm-encoder-cache.ts'],
  },
});
