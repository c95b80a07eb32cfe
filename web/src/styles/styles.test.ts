// Checks on the style sheets for layout rules jsdom cannot render: what a
// selector list declares, read from the CSS text.
import { describe, expect, it } from 'vitest';

// Vitest hands CSS imports over empty, so the sheets are read from disk.
interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string): string[];
}
const node = (
  globalThis as unknown as {
    process: { cwd(): string; getBuiltinModule(id: string): NodeFs };
  }
).process;
const fs = node.getBuiltinModule('node:fs');
// Vitest runs in web/ (package.json, vite.config.ts).
const dir = `${node.cwd()}/src/styles`;
const sheets = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.css'))
  .map((name) => fs.readFileSync(`${dir}/${name}`, 'utf8'));

interface Rule {
  selectors: string[];
  body: string;
}

/** The plain rules of all sheets (media blocks flattened), comments removed. */
function rules(): Rule[] {
  const out: Rule[] = [];
  for (const text of sheets) {
    const css = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@media[^{]*\{/g, '');
    for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      out.push({ selectors: m[1]!.split(',').map((s) => s.trim()), body: m[2]! });
    }
  }
  return out;
}

function declarations(selector: string): string {
  return rules()
    .filter((r) => r.selectors.includes(selector))
    .map((r) => r.body)
    .join(';');
}

describe('style sheets', () => {
  it('are read', () => {
    expect(sheets.length).toBeGreaterThan(3);
    expect(declarations('.regie-app')).toMatch(/display:\s*flex/);
  });

  it('let the main navigation wrap on a narrow screen', () => {
    expect(declarations('.regie-nav__list')).toMatch(/flex-wrap:\s*wrap/);
  });

  it('give the live regions (.regie-status) no border or padding', () => {
    const own = declarations('.regie-status');
    expect(own).not.toMatch(/border|padding/);
  });
});
