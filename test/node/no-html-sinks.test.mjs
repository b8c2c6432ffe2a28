// No string ever reaches an HTML or script sink: every TypeScript file under src/ (the kit and
// the fake SDK in src/testing/) is scanned, token by token with TypeScript's own scanner (so
// comments and the words inside strings do not count), for innerHTML, outerHTML,
// insertAdjacentHTML, setHTMLUnsafe, parseHTMLUnsafe, createContextualFragment, srcdoc,
// document.write/writeln, eval, new Function, and setTimeout/setInterval with a string. The kit
// builds its DOM with createElement/textContent/append, which also keeps it working under
// Trusted Types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Names whose use as a property or identifier is a sink. */
const SINK_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'createContextualFragment', 'srcdoc']);

/** The sinks found in `source` (TypeScript), each as `line: what`. */
export function findSinks(source) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const tokens = [];
  // Open braces inside each `${ … }` of the template literals being read (innermost last).
  const templates = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    // Template literals and regular expressions need the scanner's rescans to be read whole.
    if (kind === ts.SyntaxKind.OpenBraceToken && templates.length > 0) templates[templates.length - 1]++;
    if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      if (templates[templates.length - 1] > 0) templates[templates.length - 1]--;
      else {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
      }
    }
    if (kind === ts.SyntaxKind.TemplateHead) templates.push(0);
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      const previous = tokens.at(-1)?.kind;
      // After an operator, an opening bracket or nothing, a slash starts a regular expression.
      if (
        previous === undefined ||
        (previous >= ts.SyntaxKind.FirstPunctuation &&
          previous <= ts.SyntaxKind.LastPunctuation &&
          previous !== ts.SyntaxKind.CloseParenToken &&
          previous !== ts.SyntaxKind.CloseBracketToken)
      ) {
        kind = scanner.reScanSlashToken();
      }
    }
    tokens.push({ kind, text: scanner.getTokenText(), value: scanner.getTokenValue(), pos: scanner.getTokenStart() });
  }
  const lineOf = (pos) => source.slice(0, pos).split('\n').length;
  const found = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const name = token.kind === ts.SyntaxKind.Identifier ? token.text : undefined;
    const stringValue = token.kind === ts.SyntaxKind.StringLiteral || token.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ? token.value : undefined;
    // el.innerHTML, el['innerHTML'], { innerHTML: … }
    if ((name && SINK_PROPERTIES.has(name)) || (stringValue && SINK_PROPERTIES.has(stringValue) && previous?.kind === ts.SyntaxKind.OpenBracketToken)) {
      found.push(`${lineOf(token.pos)}: ${name ?? stringValue}`);
    }
    if (name === 'eval' && next?.kind === ts.SyntaxKind.OpenParenToken) found.push(`${lineOf(token.pos)}: eval(`);
    if (name === 'Function' && (previous?.kind === ts.SyntaxKind.NewKeyword || next?.kind === ts.SyntaxKind.OpenParenToken))
      found.push(`${lineOf(token.pos)}: Function(`);
    if ((name === 'write' || name === 'writeln') && previous?.kind === ts.SyntaxKind.DotToken && tokens[i - 2]?.text === 'document')
      found.push(`${lineOf(token.pos)}: document.${name}`);
    // setTimeout('code', …) / setInterval('code', …)
    if ((name === 'setTimeout' || name === 'setInterval') && next?.kind === ts.SyntaxKind.OpenParenToken) {
      const argument = tokens[i + 2];
      if (
        argument &&
        (argument.kind === ts.SyntaxKind.StringLiteral ||
          argument.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
          argument.kind === ts.SyntaxKind.TemplateHead)
      ) {
        found.push(`${lineOf(token.pos)}: ${name} with a string`);
      }
    }
  });
  return found;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

test('the scanner finds each kind of sink, and ignores comments and words inside strings', () => {
  const sample = [
    '// el.innerHTML = x in a comment',
    '/* document.write(x) in a comment */',
    "const text = 'innerHTML and eval( inside a string';",
    'el.innerHTML = userText;',
    "el['outerHTML'] = userText;",
    "el.insertAdjacentHTML('beforeend', userText);",
    'frame.srcdoc = userText;',
    'document.write(userText);',
    'eval(userText);',
    'const f = new Function(userText);',
    "setTimeout('alert(1)', 10);",
    'const re = /innerHTML/g;',
    'const t = `${a} innerHTML ${{ b }.b} ${`nested ${c}`}`;',
    'function f() { return `x${1}y`; }',
    'el.innerHTML = 2;',
  ].join('\n');
  assert.deepEqual(findSinks(sample), [
    '4: innerHTML',
    '5: outerHTML',
    '6: insertAdjacentHTML',
    '7: srcdoc',
    '8: document.write',
    '9: eval(',
    '10: Function(',
    '11: setTimeout with a string',
    '15: innerHTML',
  ]);
});

test('no HTML or script sink anywhere in src/ (the kit and the fake SDK)', () => {
  const files = sourceFiles(join(root, 'src'));
  assert.ok(files.length > 20, `scanned ${files.length} files`);
  const sinks = files.flatMap((file) => findSinks(readFileSync(file, 'utf8')).map((where) => `${relative(root, file)}:${where}`));
  assert.deepEqual(sinks, []);
  console.log(`# no-html-sinks: ${files.length} source files scanned, 0 sinks`);
});
