import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { privateMembersAsHashNames } from '@/scripts/build/private-members';

const rewrite = (code: string) =>
  privateMembersAsHashNames(code, (source) => parseAst(source, { lang: 'ts' }) as never);

/** Run a rewritten class (its types stripped by hand in these samples) and return `run()`. */
const run = (code: string): unknown => new Function(`${code}\nreturn new Counter().run();`)();

const COUNTER = `
class Counter {
  private count = 1;
  private readonly step = 2;
  constructor(private readonly start: number = 10) {}
  private bump(): number {
    this.count += this.step;
    return this.count;
  }
  run(): number {
    const twice = () => this.bump() + this.bump();
    return this.start + twice();
  }
}`;

describe("the agent's build: TypeScript-private members as #private ones", () => {
  it('renames a private field and method everywhere its class reads it, and means the same', () => {
    const out = rewrite(COUNTER)!;
    expect(out).toContain('#count = 1;');
    expect(out).toContain('readonly #step = 2;');
    expect(out).toContain('#bump(): number');
    expect(out).toContain('this.#count += this.#step;');
    expect(out).toContain('this.#bump() + this.#bump()');
    expect(out).not.toMatch(/private (count|step|bump)/);
    // A constructor's parameter property stays as it is.
    expect(out).toContain('constructor(private readonly start: number = 10) {}');
    const js = (code: string) =>
      code
        .replace(/private readonly start: number = 10/, 'start = 10')
        .replace('{}', '{ this.start = start; }')
        .replace(/(readonly |private |: number)/g, '');
    expect(run(js(out))).toBe(run(js(COUNTER)));
    expect(run(js(out))).toBe(10 + 3 + 5);
  });

  it('keeps the name of a member read any other way', () => {
    const code = `
class Dock {
  private frame = 1;
  private size = 2;
  private kept = 3;
  private other = 4;
  layout(that: Dock) {
    const { frame } = this;
    return frame + this.size + this['kept'] + that.other + this.other;
  }
}
const size = { size: 1 }.size;`;
    const out = rewrite(code);
    // Destructured from this, read off another object, named by a string: all stay properties.
    expect(out).toBeNull();
  });

  it('leaves static and public members, and modules without private ones, alone', () => {
    expect(rewrite('class A { static x = 1; y = 2; run() { return this.y; } }')).toBeNull();
    expect(rewrite('export const x = 1;')).toBeNull();
  });
});
