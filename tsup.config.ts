import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', 'cli-worker': 'src/cli/worker.ts', 'node/index': 'src/node/index.ts' },
  format: ['esm'],
  target: 'node20',
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
  splitting: true,
  clean: true,
  sourcemap: false,
  onSuccess: 'node scripts/write-schema.mjs',
});
