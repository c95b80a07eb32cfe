// Runs axe-core in the page and fails on serious or critical violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { webRequire } from './paths.mjs';

const axeSource = readFileSync(webRequire.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe is evaluated through the DevTools protocol, which the page's CSP does
 * not apply to; the app itself still runs under the real CSP.
 */
export async function assertAccessible(page, label) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${label}: axe found serious/critical violations`);
  return violations;
}
