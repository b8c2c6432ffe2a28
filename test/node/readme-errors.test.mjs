// The README's error table lists exactly the kit's closed list of codes (TALK_ERROR_CODES), in
// the same order, and the README keeps telling readers that the TalkJS secret key never belongs
// on a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (path) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

test("the README's error table is TALK_ERROR_CODES", () => {
  const source = read('src/internal/errors.ts');
  const list = /TALK_ERROR_CODES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  const codes = [...list.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
  assert.ok(codes.length >= 7, `codes in errors.ts: ${codes.join(', ')}`);
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
  const table = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(table, codes);
});

test('the README says the secret key never belongs on a page, and shows the token-based setup', () => {
  const readme = read('README.md');
  assert.match(readme, /secret key never\s+belongs on a page/);
  for (const piece of ['token="', 'token-endpoint="', '.tokenFetcher =', "addEventListener('talk-token-required'", 'event.detail.resolve']) {
    assert.ok(readme.includes(piece), `README shows ${piece}`);
  }
});

test('the README stays short, and every relative link in the docs leads to a file of the repository', () => {
  const readme = read('README.md');
  const lines = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0);
  assert.ok(lines <= 250, `README.md has ${lines} lines (at most 250)`);
  const docs = ['README.md', 'CONTRIBUTING.md', ...readdirSync(fileURLToPath(new URL('../../docs/', import.meta.url))).map((name) => `docs/${name}`)];
  let checked = 0;
  for (const doc of docs.filter((name) => name.endsWith('.md'))) {
    const text = read(doc);
    // Nothing outside the repository: no design contract or sibling folder the reader cannot see.
    assert.doesNotMatch(text, /DESIGN\.md|\.\.\/shared\b|TOOLCHAIN\.md/, `${doc} refers to a file outside the repository`);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const path = target.split('#')[0];
      const resolved = new URL(path, new URL(`../../${doc}`, import.meta.url));
      assert.ok(existsSync(fileURLToPath(resolved)), `${doc} links to ${target}, which does not exist`);
      checked += 1;
    }
  }
  assert.ok(checked >= 20, `relative links checked: ${checked}`);
});
