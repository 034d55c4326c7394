import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Run axe-core (WCAG 2.1 A/AA and best practices) in a page or frame (the companion frame is
 * checked as its own document) and return its violations. Injected with evaluate, which
 * extension pages' CSP does not block.
 */
export async function axeViolations(page: Page | Frame, include?: string): Promise<AxeViolation[]> {
  // A framed document (the companion frame) is part of its page: axe runs its page-level rules
  // (one main landmark, one h1) only on the top document, and so does this check.
  const framed = 'parentFrame' in page && page.parentFrame() !== null;
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ selector, framed }) => {
      type AxeRun = (
        context: unknown,
        options: unknown,
      ) => Promise<{
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          nodes: { target: unknown[] }[];
        }[];
      }>;
      const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
      const result = await axe.run(selector ? { include: [selector] } : document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        },
        ...(framed
          ? {
              rules: {
                'landmark-one-main': { enabled: false },
                'page-has-heading-one': { enabled: false },
              },
            }
          : {}),
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
    },
    { selector: include ?? null, framed },
  );
}
