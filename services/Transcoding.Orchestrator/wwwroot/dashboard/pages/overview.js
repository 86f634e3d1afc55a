// Overview: GET /media/stats for the last hour and the last day, polled every 5 s.
import { api } from '../api.js';
import { h, table, number, itemLink, message, explain, poll, usd } from '../dom.js';

const states = ['uploaded', 'transcoding', 'ready', 'failed'];

export function show(main) {
  const body = h('div', {});
  const updated = h('p', { class: 'updated' }, 'Loading…');
  main.append(h('h1', {}, 'Overview'), updated, body);
  const load = async () => {
    const [hour, day] = await Promise.all([api('/media/stats?window=PT1H'), api('/media/stats?window=P1D')]);
    updated.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}; refreshed every 5 seconds.`;
    return { hour: hour.data, day: day.data };
  };
  const render = ({ hour, day }) => {
    body.replaceChildren(
      h('h2', {}, 'Items by state'),
      h('ul', { class: 'cards', 'aria-label': 'Items by state' }, states.map(s => h('li', { class: 'card' },
        h('a', { href: `#/list?state=${s}` },
          h('span', { class: 'figure', 'data-count-state': s }, String(day.countsByState?.[s] ?? 0)),
          h('span', { class: 'label' }, s))))),
      h('h2', {}, 'Finished'),
      table('Items that reached ready or failed in each window', ['Window', { value: 'Ready', number: true }, { value: 'Failed', number: true }], [
        ['Last hour', number(hour.finished.ready), number(hour.finished.failed)],
        ['Last day', number(day.finished.ready), number(day.finished.failed)],
      ]),
      h('h2', {}, 'Failures by code, last day'),
      table('Failures by code in the last day, with up to three recent examples', ['Code', { value: 'Count', number: true }, 'Examples'],
        day.failuresByCode.map(f => [
          h('a', { href: `#/list?state=failed&code=${encodeURIComponent(f.code)}` }, f.code),
          number(f.count),
          h('span', {}, f.examples.flatMap((id, i) => [i > 0 ? ', ' : '', itemLink(id)])),
        ])),
      h('h2', {}, 'Stuck'),
      h('p', {}, h('span', { 'data-stuck': '' }, String(day.stuck.count)), ' item(s) transcoding past their attempt deadline',
        day.stuck.examples.length > 0 ? ': ' : '.',
        day.stuck.examples.flatMap((id, i) => [i > 0 ? ', ' : '', itemLink(id)])),
      h('h2', {}, 'GPU'),
      table('GPU seconds and estimated cost of the attempts measured in each window', ['Window', { value: 'GPU seconds', number: true }, { value: 'Estimated cost', number: true }], [
        ['Last hour', number(hour.gpuSeconds.toFixed(1)), { value: usd(hour.estimatedCostUsd), number: true }],
        ['Last day', number(day.gpuSeconds.toFixed(1)), { value: usd(day.estimatedCostUsd), number: true }],
      ]));
  };
  const failed = error => body.replaceChildren(message('error', explain(error)));
  return poll(load, render, failed, 5000);
}
