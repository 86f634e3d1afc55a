// One item: GET /media/{id} polled every 3 s (state, attempts, progress, failure, timeline, GPU use), its outputs
// through GET /media/{id}/playback once it is ready (player, poster, waveform, renditions), and for operators Retry
// and Cancel, each after a confirmation, with the API's answer shown.
import { api } from '../api.js';
import { h, table, number, time, state, fileName, message, explain, poll, usd, confirmAction } from '../dom.js';
import { createPlayer } from '../player.js';
import { createWaveform } from '../waveform.js';

export function show(main, { id, operator }) {
  const summary = h('section', { 'aria-labelledby': 'summary-title' });
  const actions = h('section', { 'aria-labelledby': 'actions-title', hidden: !operator });
  const answer = h('div', {});
  const timeline = h('section', { 'aria-labelledby': 'timeline-title' });
  const attempts = h('section', { 'aria-labelledby': 'attempts-title' });
  const outputs = h('section', { 'aria-labelledby': 'outputs-title', hidden: true });
  main.append(h('h1', {}, 'Item ', h('code', {}, id ?? '')), summary, actions, timeline, attempts, outputs);
  let player = null;
  let outputsShown = false;

  const request = async (kind, label) => {
    if (!await confirmAction(`${label} this item?`, kind === 'retry'
      ? 'Another GPU attempt is started (it counts against the item\'s attempts).'
      : 'The transcode stops and the item ends failed with code cancelled.', label)) return;
    try {
      const { status } = await api(`/media/${encodeURIComponent(id)}/${kind}`, { method: 'POST', body: { reason: `${kind} from the dashboard` } });
      answer.replaceChildren(message('ok', `${label} accepted (${status}).`));
      polling.now();
    } catch (error) {
      answer.replaceChildren(message('error', `${label} refused: ${explain(error)}`));
    }
  };

  const render = status => {
    const ended = status.state === 'ready' || status.state === 'failed';
    summary.replaceChildren(
      h('h2', { id: 'summary-title' }, 'Status'),
      h('dl', {},
        h('dt', {}, 'Source file'), h('dd', { title: status.sourceKey ?? '', 'data-source-file': '' }, fileName(status.sourceKey)),
        h('dt', {}, 'State'), h('dd', { 'data-state': status.state }, state(status.state)),
        h('dt', {}, 'Attempts'), h('dd', {}, `${status.attemptsUsed} of ${status.attemptsAllowed}`),
        status.state === 'transcoding' ? [h('dt', {}, h('label', { for: 'progress' }, 'Progress')),
          h('dd', {}, h('progress', { id: 'progress', max: 100, value: status.progress }), ` ${Math.round(status.progress)} %`)] : null,
        status.waiting ? [h('dt', {}, 'Waiting'), h('dd', {}, `${status.waiting.reason} (since `, time(status.waiting.since), ')')] : null,
        status.failure ? [h('dt', {}, 'Failure'), h('dd', { 'data-failure': status.failure.code },
          h('strong', {}, status.failure.code), `: ${status.failure.message}`, status.failure.permanent ? ' (permanent)' : '')] : null,
        h('dt', {}, 'GPU'), h('dd', {}, `${status.usage.gpuSeconds.toFixed(1)} s, ${usd(status.usage.estimatedCostUsd)}`)));

    // Readers get no buttons at all (the API would answer them 403 anyway).
    if (operator) actions.replaceChildren(h('h2', { id: 'actions-title' }, 'Actions'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', disabled: status.state !== 'failed', onclick: () => request('retry', 'Retry') }, 'Retry'),
        h('button', { type: 'button', class: 'danger', disabled: ended, onclick: () => request('cancel', 'Cancel') }, 'Cancel')),
      answer);

    timeline.replaceChildren(h('h2', { id: 'timeline-title' }, 'Timeline'),
      h('ol', { class: 'timeline' }, status.history.map(t => h('li', {},
        time(t.at), ` ${t.from ?? 'new'} → `, state(t.to), ` (attempt ${t.attempt})`, t.reason ? `: ${t.reason}` : ''))));

    attempts.replaceChildren(h('h2', { id: 'attempts-title' }, 'Attempts'),
      table('GPU jobs of this item', ['Attempt', 'Job', 'Outcome', 'Encoder', { value: 'Delay (ms)', number: true }, { value: 'Execution (ms)', number: true }, { value: 'GPU seconds', number: true }, { value: 'Cost', number: true }],
        status.usage.attempts.map(a => [String(a.attempt), a.jobId ?? '—', a.outcome ?? 'running', a.encoder ?? '—',
          number(a.delayTimeMs), number(a.executionTimeMs), number(a.gpuSeconds?.toFixed(1)), { value: usd(a.estimatedCostUsd), number: true }])));

    if (status.state === 'ready' && !outputsShown) {
      outputsShown = true;
      showOutputs(status);
    }
  };

  const showOutputs = async status => {
    outputs.hidden = false;
    outputs.replaceChildren(h('h2', { id: 'outputs-title' }, 'Outputs'));
    const renditions = status.outputs?.renditions ?? [];
    try {
      const playback = (await api(`/media/${encodeURIComponent(id)}/playback`)).data;
      // An audio-only item (no rendition has a picture) plays in an <audio> element: no empty video box.
      player = createPlayer(playback, { audioOnly: renditions.every(r => r.width == null) });
      outputs.append(player.element);
      if (playback.waveform) outputs.append(h('h3', {}, 'Waveform'), createWaveform(playback.waveform, player.media));
      if (playback.poster) outputs.append(h('h3', {}, 'Poster'), h('img', { class: 'poster', src: playback.poster, alt: `Poster of item ${id}` }));
    } catch (error) {
      outputs.append(message('error', `The outputs cannot be played: ${explain(error)}`));
    }
    outputs.append(h('h3', {}, 'Renditions'), table(`${renditions.length} rendition(s), ${status.outputs?.durationSeconds?.toFixed(1) ?? '?'} s`,
      ['Name', { value: 'Width', number: true }, { value: 'Height', number: true }, { value: 'Video kbps', number: true }, { value: 'Audio kbps', number: true }, 'Playlist'],
      renditions.map(r => [r.label ? `${r.name} (${r.label})` : r.name, number(r.width), number(r.height), number(r.width == null ? null : r.videoBitrateKbps), number(r.audioBitrateKbps), h('code', {}, r.playlistKey)])));
  };

  const polling = poll(async () => (await api(`/media/${encodeURIComponent(id)}`)).data, render,
    error => summary.replaceChildren(message('error', error.status === 404 ? `No item ${id}.` : explain(error))), 3000);
  return { stop() { polling.stop(); player?.destroy(); } };
}
