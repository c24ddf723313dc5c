// Writes a generated section into a docs page between `<!-- NAME:start -->` and `<!-- NAME:end -->`,
// leaving the rest of the page as it is (the section is appended when the page has no markers yet).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces the text between the markers `name` in the Markdown file at `path` with `text`. */
export function writeSection(path, name, text) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  writeFileSync(path, replaceSection(page, start, end, text));
}

/** The page with `text` between `start` and `end` (added at the end of the page when they are missing). */
export function replaceSection(page, start, end, text) {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  const section = `${start}\n${text.trim()}\n${end}`;
  if (from === -1 || to < from) return `${page.trimEnd()}\n\n${section}\n`;
  return page.slice(0, from) + section + page.slice(to + end.length);
}
