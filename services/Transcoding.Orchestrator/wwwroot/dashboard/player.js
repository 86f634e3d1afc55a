// The HLS player of the item page: hls.js (vendored, 1.7.4) on a <video> (on an <audio>, which shows no box, for an
// audio-only item), with its own controls so the seek bar can show the storyboard's thumbnails: play/pause, a seek slider, the time, a quality menu (Auto + every level of the
// master playlist) and mute. The container's data-level attribute is the level hls.js plays now (-1 before any).
import Hls from './vendor/hls.js/dist/hls.min.mjs';
import { h, seconds, message } from './dom.js';

/** Storyboard cues from WebVTT: [{ start, end, url, x, y, w, h }], each image URL resolved against the VTT's. */
export function parseStoryboard(vtt, base) {
  const stamp = t => t.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const cues = [];
  for (const block of vtt.replace(/\r/g, '').split(/\n\n+/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex(l => l.includes('-->'));
    if (timing < 0 || !lines[timing + 1]) continue;
    const [start, end] = lines[timing].split('-->').map(s => stamp(s.trim().split(/\s/)[0]));
    const [address, fragment = ''] = lines[timing + 1].trim().split('#xywh=');
    const [x, y, w, hh] = fragment.split(',').map(Number);
    cues.push({ start, end, url: new URL(address, base).href, x, y, w, h: hh });
  }
  return cues;
}

export function createPlayer(playback, { audioOnly = false } = {}) {
  const container = h('div', { class: 'player', 'data-level': -1 });
  const video = audioOnly
    ? h('audio', { preload: 'metadata', 'aria-label': 'Rendition player' })
    : h('video', { playsinline: true, preload: 'metadata', poster: playback.poster ?? null, 'aria-label': 'Rendition player' });
  const play = h('button', { type: 'button' }, 'Play');
  const seek = h('input', { type: 'range', min: 0, max: 0, step: 0.1, value: 0, id: 'seek', 'aria-label': 'Seek' });
  const thumbnail = h('div', { class: 'thumbnail', hidden: true, 'aria-hidden': 'true' });
  const clock = h('span', { 'aria-live': 'off' }, '0:00 / 0:00');
  const quality = h('select', { id: 'quality', disabled: true }, h('option', { value: '-1' }, 'Auto'));
  const mute = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Mute');
  const playing = h('p', { role: 'status', class: 'playing' }, '');
  const problems = h('div', {});
  container.append(video,
    h('div', { class: 'controls' },
      play,
      h('div', { class: 'seek' }, thumbnail, seek),
      clock,
      h('label', { for: 'quality' }, 'Quality'), quality,
      mute),
    playing, problems);

  play.addEventListener('click', () => {
    if (!video.paused) video.pause();
    else video.play().catch(error => problems.replaceChildren(message('error', `Playback failed: ${error.message}`)));
  });
  video.addEventListener('play', () => { play.textContent = 'Pause'; });
  video.addEventListener('pause', () => { play.textContent = 'Play'; });
  mute.addEventListener('click', () => {
    video.muted = !video.muted;
    mute.setAttribute('aria-pressed', String(video.muted));
  });
  const tick = () => {
    seek.max = String(video.duration || 0);
    seek.value = String(video.currentTime);
    const text = `${seconds(video.currentTime)} / ${seconds(video.duration)}`;
    clock.textContent = text;
    seek.setAttribute('aria-valuetext', text);
  };
  for (const change of ['loadedmetadata', 'durationchange', 'timeupdate']) video.addEventListener(change, tick);
  seek.addEventListener('input', () => { video.currentTime = Number(seek.value); });

  let hls = null;
  if (Hls.isSupported()) {
    hls = new Hls();
    hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
      quality.append(...data.levels.map((level, index) => h('option', { value: index },
        `${level.height ? `${level.height}p` : 'audio'} · ${Math.round(level.bitrate / 1000)} kbps`)));
      quality.disabled = false;
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
      container.dataset.level = String(data.level);
      const level = hls.levels[data.level];
      playing.textContent = `Playing ${level?.height ? `${level.height}p` : 'audio'}${hls.autoLevelEnabled ? ' (auto)' : ''}.`;
    });
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (data.fatal) problems.replaceChildren(message('error', `Playback failed: ${data.type}, ${data.details}.`));
    });
    // currentLevel switches at once (the buffer is flushed), so the picture shows the chosen level straight away.
    quality.addEventListener('change', () => { hls.currentLevel = Number(quality.value); });
    hls.loadSource(playback.master);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = playback.master; // Safari plays HLS itself and chooses levels on its own.
  } else {
    problems.replaceChildren(message('error', 'This browser cannot play HLS (no Media Source Extensions).'));
  }

  if (playback.storyboard) addThumbnails(playback.storyboard, seek, thumbnail, video, problems);
  return { element: container, media: video, destroy: () => hls?.destroy() };
}

/** Storyboard tiles above the seek bar while the pointer is over it or the slider is being moved. */
async function addThumbnails(storyboard, seek, thumbnail, video, problems) {
  let cues;
  try {
    const response = await fetch(storyboard.vtt);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    cues = parseStoryboard(await response.text(), response.url);
  } catch (error) {
    problems.append(message('error', `The storyboard could not be read: ${error.message}`));
    return;
  }
  const showAt = (time, left) => {
    const cue = cues.find(c => time >= c.start && time < c.end) ?? cues[cues.length - 1];
    if (!cue) return;
    Object.assign(thumbnail.style, {
      width: `${cue.w}px`, height: `${cue.h}px`, left: `${Math.max(0, left - cue.w / 2)}px`,
      backgroundImage: `url("${cue.url}")`, backgroundPosition: `-${cue.x}px -${cue.y}px`,
    });
    thumbnail.hidden = false;
  };
  seek.addEventListener('pointermove', event => {
    const box = seek.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    showAt(share * (video.duration || 0), event.clientX - box.left);
  });
  seek.addEventListener('input', () => {
    const share = video.duration ? Number(seek.value) / video.duration : 0;
    showAt(Number(seek.value), share * seek.getBoundingClientRect().width);
  });
  for (const end of ['pointerleave', 'change', 'blur']) seek.addEventListener(end, () => { thumbnail.hidden = true; });
  thumbnail.dataset.cues = String(cues.length);
}
