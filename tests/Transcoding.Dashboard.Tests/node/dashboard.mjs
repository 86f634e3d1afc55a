// Drives the dashboard in headless Debian Chromium (as tests/Transcoding.Worker.Tests/node/play-hls.mjs does) and
// prints what it saw as JSON on stdout.
// usage: node dashboard.mjs <scenario> '<json arguments>'
//   pages     { base, credential, screenshots, pages: [{ name, hash, waitFor? }] } -> { [name]: { heading, violations } }
//   overview  { base, credential }                      -> { counts: { state: n } }
//   play      { base, credential, id }                  -> { levels: [{ level, height, from, to }], waveformPixels, storyboardCues, errors }
//   retry     { base, credential, id }                  -> { answer }
//   replay    { base, credential }                      -> { answer } (replays the first failure group on the Faults page)
//   reader    { base, credential, id }                  -> { retryButtons, retryStatus }
//   anonymous { base }                                  -> { shown, status: { path: code } }
// Every scenario also reports errors (page errors, console errors) and cspViolations (securitypolicyviolation events).
// Screenshots go to <screenshots>/<name>.png; violations are axe-core's of impact serious or critical.
import { mkdtemp, rm, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const [scenario, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}');
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const timeout = 60000;

async function withPage(run) {
  const profile = await mkdtemp(join(tmpdir(), 'dashboard-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  context.setDefaultTimeout(timeout);
  const errors = [];
  // Whatever the Content-Security-Policy blocks on any page of any scenario (the player's MediaSource and presigned
  // segments included) is reported, so a policy that breaks the dashboard fails its tests.
  const cspViolations = [];
  await context.exposeBinding('reportCspViolation', (_, violation) => { cspViolations.push(violation); });
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', e =>
    window.reportCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber })));
  try {
    const page = await context.newPage();
    page.on('pageerror', error => errors.push(`page error: ${error.message}`));
    // Answers like 401 are logged by Chromium as "Failed to load resource": the scenarios check statuses themselves.
    page.on('console', m => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`); });
    return { ...await run(page), errors, cspViolations };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Opens the dashboard and, with a credential, enters it in the credential box and waits for GET /me's answer. */
async function signIn(page, credential) {
  await page.goto(`${args.base}/#/overview`);
  await page.waitForSelector('main[data-loaded="true"]');
  if (!credential) return;
  await page.fill('#credential-value', credential);
  await Promise.all([
    page.waitForResponse(response => new URL(response.url()).pathname === '/me'),
    page.click('#credential button[type="submit"]'),
  ]);
  await page.waitForSelector('main[data-loaded="true"]');
}

async function open(page, hash) {
  await page.evaluate(h => { location.hash = h; }, hash);
  await page.waitForFunction(h => location.hash === h && document.querySelector('main').dataset.loaded === 'true', hash);
}

async function scan(page) {
  // Evaluated rather than added as a <script>: the dashboard's policy (script-src 'self') rightly refuses inline scripts.
  if (!await page.evaluate(() => 'axe' in window)) await page.evaluate(await readFile(axeSource, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
}

const scenarios = {
  async pages(page) {
    await mkdir(args.screenshots, { recursive: true });
    await signIn(page, args.credential);
    const report = {};
    for (const { name, hash, waitFor } of args.pages) {
      await open(page, hash);
      if (waitFor) await page.waitForSelector(waitFor);
      await page.screenshot({ path: join(args.screenshots, `${name}.png`), fullPage: true });
      report[name] = { heading: await page.textContent('main h1'), violations: await scan(page) };
    }
    return { pages: report };
  },

  async overview(page) {
    await signIn(page, args.credential);
    await open(page, '#/overview');
    await page.waitForSelector('[data-count-state]');
    return { counts: await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-count-state]')].map(e => [e.dataset.countState, Number(e.textContent)]))) };
  },

  async play(page) {
    await signIn(page, args.credential);
    await open(page, `#/media/${args.id}`);
    await page.waitForFunction(() => document.querySelector('#quality:not([disabled])')?.options.length > 1);
    await page.click('.player .controls button:first-child');
    const levels = [];
    const count = await page.evaluate(() => document.getElementById('quality').options.length - 1);
    for (let level = 0; level < count; level++) {
      // Paused at the start before the switch, then played: a seek racing hls.js's flush of the old level could leave
      // the old level's frames on screen, so the clock is read only once the picture has the chosen level's height.
      await page.evaluate(() => new Promise(resolve => {
        const v = document.querySelector('.player video');
        v.pause();
        if (v.currentTime === 0 && !v.seeking) return resolve();
        v.addEventListener('seeked', resolve, { once: true });
        v.currentTime = 0;
      }));
      await page.selectOption('#quality', String(level));
      const expected = await page.evaluate(l => parseInt(document.querySelector(`#quality option[value="${l}"]`).textContent, 10), level);
      await page.waitForSelector(`.player[data-level="${level}"]`);
      await page.evaluate(() => document.querySelector('.player video').play().catch(() => {}));
      await page.waitForFunction(h => document.querySelector('.player video').videoHeight === h, expected);
      const from = await page.evaluate(() => document.querySelector('.player video').currentTime);
      await page.waitForFunction(start => document.querySelector('.player video').currentTime >= start + 0.5, from);
      const to = await page.evaluate(() => document.querySelector('.player video').currentTime);
      const height = await page.evaluate(() => document.querySelector('.player video').videoHeight);
      levels.push({ level, height, from, to });
    }
    await page.waitForSelector('canvas.waveform[data-drawn="true"]');
    const waveformPixels = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.waveform');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return painted;
    });
    const storyboardCues = await page.evaluate(() => Number(document.querySelector('.thumbnail')?.dataset.cues ?? 0));
    return { levels, waveformPixels, storyboardCues };
  },

  async source(page) {
    await signIn(page, args.credential);
    await open(page, `#/media/${args.id}`);
    const item = await page.locator('dd[data-source-file]').textContent();
    await open(page, '#/list?state=ready');
    await page.waitForSelector('table[data-items]');
    const headings = await page.locator('main table th[scope="col"]').allTextContents();
    const list = await page.locator('main table [data-source-file]').allTextContents();
    return { item, headings, list };
  },

  async audio(page) {
    await signIn(page, args.credential);
    await open(page, `#/media/${args.id}`);
    const renditions = page.locator('section[aria-labelledby="outputs-title"] table');
    await renditions.waitFor();
    await page.waitForSelector('.player');
    const headings = await renditions.locator('th[scope="col"]').allTextContents();
    const cells = await renditions.locator('tbody tr').first().locator('td').allTextContents();
    return {
      videos: await page.locator('.player video').count(),
      audios: await page.locator('.player audio').count(),
      videoKbps: cells[headings.indexOf('Video kbps')] ?? null,
    };
  },

  async retry(page) {
    await signIn(page, args.credential);
    await open(page, `#/media/${args.id}`);
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    await page.locator('dialog').getByRole('button', { name: 'Retry', exact: true }).click();
    const answer = page.locator('section .message');
    await answer.waitFor();
    return { answer: await answer.textContent() };
  },

  async replay(page) {
    await signIn(page, args.credential);
    await open(page, '#/faults');
    await page.getByRole('button', { name: /^Replay group / }).first().click();
    await page.locator('dialog').getByRole('button', { name: 'Replay', exact: true }).click();
    const answer = page.locator('main > div > .message');
    await answer.waitFor();
    return { answer: await answer.textContent() };
  },

  async reader(page) {
    await signIn(page, args.credential);
    await open(page, `#/media/${args.id}`);
    await page.waitForSelector('[data-state]');
    const retryButtons = await page.getByRole('button', { name: 'Retry' }).count();
    const retryStatus = await page.evaluate(async ({ id, key }) =>
      (await fetch(`/media/${id}/retry`, { method: 'POST', headers: { 'X-Api-Key': key } })).status, { id: args.id, key: args.credential });
    return { retryButtons, retryStatus };
  },

  async anonymous(page) {
    await signIn(page, null);
    const shown = await page.textContent('main .message');
    const status = {};
    for (const path of ['/me', '/media/stats', '/media', '/faults']) {
      status[path] = await page.evaluate(async p => (await fetch(p)).status, path);
    }
    return { shown, status };
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario '${scenario}': ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
console.log(JSON.stringify(await withPage(page => scenarios[scenario](page))));
