// Every fixture's main.go.golden, placed where `--emit` puts it, is gofmt-clean, passes go vet,
// builds with the fixture's package, and serves one request.
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeWith } from '../support/tools.js';
import { checkAndBuild, removeModule, request, startServer, stopServer } from './harness.js';

const fixturesDir = new URL('../../fixtures/', import.meta.url).pathname;
const cases = (await readdir(fixturesDir)).filter((name) => existsSync(join(fixturesDir, name, 'main.go.golden'))).sort();

/** Copies the fixture (its go.mod names the module its detect.json imports) and adds the golden. */
async function moduleFor(name: string): Promise<{ dir: string; file: string; pkg: string; broken: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), `gofn-golden-${name}-`));
  await cp(join(fixturesDir, name), dir, { recursive: true, filter: (src) => !/(detect\.json|\.golden|options\.json)$/.test(src) });
  const detected = JSON.parse(await readFile(join(fixturesDir, name, 'detect.json'), 'utf8'));
  const golden = await readFile(join(fixturesDir, name, 'main.go.golden'), 'utf8');
  // A fixture with an error diagnostic is a package go build refuses: only gofmt can judge its golden.
  const broken = detected.diagnostics.some((d: { severity: string }) => d.severity === 'error');
  if (detected.package.name === 'main') {
    await writeFile(join(dir, 'gofn_main.go'), golden);
    return { dir, file: 'gofn_main.go', pkg: '.', broken };
  }
  await mkdir(join(dir, 'cmd', 'serve'), { recursive: true });
  await writeFile(join(dir, 'cmd', 'serve', 'main.go'), golden);
  return { dir, file: 'cmd/serve/main.go', pkg: './cmd/serve', broken };
}

describeWith('go', 'fixture goldens build and serve', () => {
  test.each(cases)('%s', async (name) => {
    const { dir, file, pkg, broken } = await moduleFor(name);
    try {
      const report = await checkAndBuild(dir, [file], [pkg]);
      expect(report.gofmt.stdout, 'gofmt -l lists nothing').toBe('');
      if (broken) return;
      expect(report.vet.code, report.vet.stderr).toBe(0);
      expect(report.build.code, report.build.stderr).toBe(0);
      const bins = await readdir(join(dir, 'bin'));
      const server = await startServer(join(dir, 'bin', bins[0]!));
      try {
        const reply = await request(server.port, { method: 'POST', path: '/run', body: '{"value":{}}' });
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(600);
      } finally {
        await stopServer(server);
      }
    } finally {
      await removeModule(dir);
    }
  }, 120_000);
});
