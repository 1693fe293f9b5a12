// Live reload in headless Chromium against a running `suluh serve`: an edit reloads the open page at the
// same scroll position, a content error shows the overlay over the last good page, and the fix removes it.
// Usage: node livereload.mjs ORIGIN SITE_ROOT PAGE_URL MARKDOWN_FILE
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browser.mjs';

const [origin, root, pageUrl, file] = process.argv.slice(2);
const source = path.join(root, file);
const original = fs.readFileSync(source, 'utf8');
const browser = await launch();
let failed = false;
const fail = (message) => {
  console.log(`FAIL ${message}`);
  failed = true;
};

// Polls `test` in the page (which may be reloading) until it holds. The 120 s are a liveness bound for a
// busy machine, not a speed target: the poll ends as soon as the page shows what is awaited.
async function until(page, test, arg) {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(test, arg)) return true;
    } catch {
      // The page is navigating; try again.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

try {
  const page = await browser.newPage({ viewport: { width: 360, height: 300 } });
  await page.goto(origin + pageUrl, { waitUntil: 'load' });
  const target = await page.evaluate(() => {
    const y = Math.min(250, document.documentElement.scrollHeight - window.innerHeight);
    window.scrollTo(0, y);
    return window.scrollY;
  });
  if (target < 50) fail(`page too short to test scrolling (scrollY ${target})`);

  fs.writeFileSync(source, original.replace(/\n*$/, '\n\nKalimat baru dari penyunting.\n'));
  if (!(await until(page, () => document.body.innerText.includes('Kalimat baru dari penyunting')))) {
    fail('the edit did not reload the page');
  }
  await until(page, () => document.readyState === 'complete');
  // The reloaded page restores its scroll position itself: wait for it rather than for a fixed time.
  await until(page, (t) => Math.abs(window.scrollY - t) <= 5, target);
  const y = await page.evaluate(() => window.scrollY);
  console.log(`scroll: ${target} then ${y}`);
  if (Math.abs(y - target) > 5) fail(`scroll position not kept: ${y} instead of ${target}`);

  fs.writeFileSync(source, original.replace(/^title: .*$/m, 'title: [rusak'));
  if (!(await until(page, () => !!document.getElementById('suluh-overlay')))) {
    fail('no overlay after a content error');
  } else {
    const overlay = await page.evaluate(() => document.getElementById('suluh-overlay').innerText);
    if (!overlay.includes(`${file}:`)) fail(`overlay does not name the file: ${overlay}`);
    const stillThere = await page.evaluate(() => document.body.innerText.includes('Kalimat baru dari penyunting'));
    if (!stillThere) fail('the last good page is not shown under the overlay');
  }

  fs.writeFileSync(source, original);
  if (!(await until(page, () => !document.getElementById('suluh-overlay')
    && !document.body.innerText.includes('Kalimat baru dari penyunting')))) {
    fail('the overlay did not go away after the fix');
  }
} catch (e) {
  fail(String(e));
} finally {
  fs.writeFileSync(source, original);
  await browser.close();
}
console.log(failed ? 'live reload: FAILED' : 'live reload: OK');
process.exit(failed ? 1 : 0);
