// Accessibility and small-screen check of built pages: loads each page at 360 px in headless Chromium, runs
// axe-core with the WCAG 2.2 A/AA rules, and fails on any violation, on horizontal scrolling, or on any
// request that leaves the site. Usage: node a11y.mjs DIST PATH... (SCREENSHOT_DIR=dir saves screenshots)
import { createRequire } from 'node:module';
import path from 'node:path';
import { serveDist } from './serve-dist.mjs';
import { launch } from './browser.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const [dist, ...paths] = process.argv.slice(2);
if (!dist || paths.length === 0) {
  console.error('usage: node a11y.mjs DIST PATH...');
  process.exit(2);
}

const server = await serveDist(dist);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
// Pages as the server sends them: a service worker would answer later pages itself, past the route below.
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
const offsite = [];
await context.route('**/*', async (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) && route.request().resourceType() === 'document') {
    // Redirect pages (aliases) are checked as they are, without following their instant refresh.
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/i, '');
    return route.fulfill({ response, body });
  }
  if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
  offsite.push(url);
  return route.abort();
});

let failures = 0;
for (const p of paths) {
  const page = await context.newPage();
  const response = await page.goto(origin + p, { waitUntil: 'load' });
  const status = response ? response.status() : 0;
  if (status !== 200 && !p.endsWith('404.html')) {
    console.log(`FAIL ${p}: HTTP ${status}`);
    failures++;
  }
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (process.env.SCREENSHOT_DIR) {
    const name = p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  if (result.length > 0) {
    failures++;
    console.log(`FAIL ${p}: ${result.length} axe violation(s)`);
    for (const v of result) console.log(`  ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
  }
  if (overflow > 1) {
    failures++;
    console.log(`FAIL ${p}: content is ${overflow}px wider than a 360px screen`);
  }
  if (result.length === 0 && overflow <= 1) console.log(`ok   ${p}`);
  await page.close();
}
if (offsite.length > 0) {
  failures++;
  console.log(`FAIL third-party requests: ${[...new Set(offsite)].join(', ')}`);
}
await browser.close();
server.close();
console.log(`${paths.length - Math.min(failures, paths.length)} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);
