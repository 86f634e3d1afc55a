// Plays an HLS folder's master.m3u8 with hls.js in headless Debian Chromium and prints what happened, as JSON.
// usage: node play-hls.mjs <folder holding hls/master.m3u8> [seconds to play] [audio track to switch to once playing]
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const [folder, playSeconds = '1.5', switchTo = ''] = process.argv.slice(2);
const hlsJs = createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js');
const types = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t', '.js': 'text/javascript', '.html': 'text/html' };
const page = `<!doctype html><video id="v" muted playsinline></video><script src="/hls.min.js"></script><script>
  window.report = { errors: [], levels: [], audioTracks: [], supported: Hls.isSupported() };
  const video = document.getElementById('v');
  const hls = new Hls();
  hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
    window.report.levels = data.levels.map(l => ({ width: l.width, height: l.height, bitrate: l.bitrate }));
    window.report.audioTracks = data.audioTracks.map(t => ({ name: t.name, lang: t.lang ?? null, default: t.default }));
    video.play().catch(e => window.report.errors.push('play: ' + e.message));
  });
  const switchTo = new URLSearchParams(location.search).get('audioTrack');
  if (switchTo) {
    video.addEventListener('playing', () => { hls.audioTrack = Number(switchTo); }, { once: true });
  }
  hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) window.report.errors.push(data.type + ': ' + data.details); });
  hls.loadSource('/hls/master.m3u8');
  hls.attachMedia(video);
</script>`;

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  try {
    const body = path === '/' ? page : path === '/hls.min.js' ? await readFile(hlsJs) : await readFile(join(folder, normalize(path).replace(/^(\.\.[/\\])+/, '')));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? (path === '/' ? 'text/html' : 'application/octet-stream') });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));

const profile = await mkdtemp(join(tmpdir(), 'hls-play-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
let result;
try {
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/${switchTo ? '?audioTrack=' + switchTo : ''}`);
  await tab.waitForFunction(seconds => {
    const video = document.getElementById('v');
    return window.report.errors.length > 0 || video.ended || video.currentTime >= seconds;
  }, Number(playSeconds), { timeout: 60000 });
  result = await tab.evaluate(() => {
    const video = document.getElementById('v');
    return { ...window.report, audioTrack: hls.audioTrack, currentTime: video.currentTime, duration: video.duration, videoWidth: video.videoWidth, videoHeight: video.videoHeight };
  });
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
