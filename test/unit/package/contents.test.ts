import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** What `npm pack` would put in the tarball (`--dry-run`: nothing is written). */
function packed(): { size: number; files: string[] } {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const [info] = JSON.parse(run.stdout) as { size: number; files: { path: string }[] }[];
  return { size: info!.size, files: info!.files.map((file) => file.path) };
}

// Relative links of the README as npm shows it: every document it points to must be in the package.
// Pictures are left out: they live in the repository, and npm renders them only from a repository URL.
const readmeLinks = (readme: string) =>
  [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1]!)
    .filter((link) => !/^[a-z]+:/i.test(link));

describe('the packed package', () => {
  it.skipIf(!existsSync('dist/inkling.esm.js'))(
    'ships its license, the docs the README links to, and no source maps',
    () => {
      const { size, files } = packed();
      expect(files).toContain('LICENSE');
      expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License[\s\S]*Inkling contributors/);
      const links = readmeLinks(readFileSync('README.md', 'utf8'));
      expect(links.length).toBeGreaterThan(0);
      expect(links.filter((link) => !files.includes(link.replace(/^\.\//, '')))).toEqual([]);
      expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
      // Every export's files are in it.
      const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
        exports: Record<string, string | Record<string, string>>;
      };
      const targets = Object.values(manifest.exports).flatMap((target) =>
        typeof target === 'string' ? [target] : Object.values(target),
      );
      expect(targets.map((target) => target.replace(/^\.\//, '')).filter((target) => !files.includes(target))).toEqual(
        [],
      );
      // It was 1.7 MB with source maps.
      expect(size).toBeLessThan(500_000);
    },
  );
});
