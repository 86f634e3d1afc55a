// The waveform of the main audio track, drawn from waveform.json with BBC waveform-data (vendored, 4.5.2): one
// vertical line per canvas pixel from the minimum to the maximum of that stretch. A click seeks the video there.
import WaveformData from './vendor/waveform-data/dist/waveform-data.esm.js';
import { h, message } from './dom.js';

export function createWaveform(url, video) {
  const canvas = h('canvas', { class: 'waveform', width: 900, height: 120, role: 'img', 'aria-label': 'Waveform of the main audio track' });
  const element = h('div', {}, canvas);
  draw(url, canvas).catch(error => element.append(message('error', `The waveform could not be drawn: ${error.message}`)));
  canvas.addEventListener('click', event => {
    const box = canvas.getBoundingClientRect();
    if (video?.duration) video.currentTime = ((event.clientX - box.left) / box.width) * video.duration;
  });
  return element;
}

async function draw(url, canvas) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  let waveform = WaveformData.create(await response.json());
  if (waveform.length > canvas.width) waveform = waveform.resample({ width: canvas.width });
  const channel = waveform.channel(0);
  const context = canvas.getContext('2d');
  const middle = canvas.height / 2;
  // Values are signed 8- or 16-bit samples; scale the full range to the canvas height.
  const range = waveform.bits === 8 ? 128 : 32768;
  const step = canvas.width / waveform.length;
  context.fillStyle = '#0b57b0';
  for (let x = 0; x < waveform.length; x++) {
    const top = middle - (channel.max_sample(x) / range) * middle;
    const bottom = middle - (channel.min_sample(x) / range) * middle;
    context.fillRect(x * step, top, Math.max(1, step), Math.max(1, bottom - top));
  }
  canvas.setAttribute('aria-label', `Waveform of the main audio track, ${waveform.duration.toFixed(1)} seconds`);
  canvas.dataset.drawn = 'true';
}
