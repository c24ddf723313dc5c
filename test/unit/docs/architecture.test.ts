import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The numbered `file:function` steps of each journey in docs/architecture.md, by journey title. */
function journeys(markdown: string): Map<string, { file: string; name: string }[]> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Journeys')) ?? '';
  const found = new Map<string, { file: string; name: string }[]>();
  for (const part of section.split(/^### /m).slice(1)) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    const steps = [...part.matchAll(/^\d+\. `([^`:]+):([A-Za-z_$][\w$]*)`/gm)].map(([, file, name]) => ({
      file: file!,
      name: name!,
    }));
    found.set(title, steps);
  }
  return found;
}

/** Whether `source` defines `name`: a function, class or constant, or a method of an object or class. */
function defines(source: string, name: string): boolean {
  const declared = new RegExp(`\\b(?:function\\*?|class|const|let)\\s+${name}\\b`);
  const method = new RegExp(`^\\s+(?:async\\s+)?${name}\\s*\\(`, 'm');
  return declared.test(source) || method.test(source);
}

describe('docs/architecture.md journeys', () => {
  const docs = journeys(readFileSync('docs/architecture.md', 'utf8'));

  it('has both journeys, each as a run of numbered steps', () => {
    expect([...docs.keys()]).toEqual([
      'An event, from the DOM to IndexedDB',
      'A ranking, from the slot to the reordered DOM',
    ]);
    for (const steps of docs.values()) expect(steps.length).toBeGreaterThanOrEqual(10);
  });

  it('names files that exist and functions they define', () => {
    const wrong = [...docs.values()]
      .flat()
      .filter(({ file, name }) => !existsSync(file) || !defines(readFileSync(file, 'utf8'), name))
      .map(({ file, name }) => `${file}:${name}`);
    expect(wrong).toEqual([]);
  });

  it('reads a renamed function as wrong', () => {
    expect(defines('export function createEngine() {}', 'createEngine')).toBe(true);
    expect(defines('export function createEngine() {}', 'createEngines')).toBe(false);
    expect(defines('  async append(batch) {', 'append')).toBe(true);
  });
});
