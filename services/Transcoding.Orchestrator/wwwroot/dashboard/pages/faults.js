// Faults: GET /faults (the error queues grouped as `ops faults list` groups them), and for operators replay and purge
// of a group or a queue, each after a confirmation, with the counts the API answers. Polled every 10 s.
import { api } from '../api.js';
import { h, table, number, message, explain, poll, confirmAction } from '../dom.js';

export function show(main, { operator }) {
  const answer = h('div', {});
  const body = h('div', {});
  main.append(h('h1', {}, 'Faults'), answer, body);

  const act = async (kind, selection, what) => {
    const purge = kind === 'purge';
    if (!await confirmAction(purge ? `Delete ${what} for good?` : `Replay ${what}?`, purge
      ? 'The messages are deleted from the error queues; this cannot be undone.'
      : 'Each message is published back to the queue it faulted on, then removed from its error queue.', purge ? 'Purge' : 'Replay')) return;
    try {
      const { data } = await api(`/faults/${kind}`, { method: 'POST', body: selection });
      answer.replaceChildren(message(data.failed ? 'error' : 'ok', purge
        ? `Deleted ${data.deleted} message(s) (${data.selector}).`
        : `Replayed ${data.replayed} of ${data.selected} message(s) (${data.selector}); ${data.failed} left in the error queues.`));
      polling.now();
    } catch (error) {
      answer.replaceChildren(message('error', `${purge ? 'Purge' : 'Replay'} refused: ${explain(error)}`));
    }
  };
  const buttons = (selection, what) => operator
    ? h('span', { class: 'actions' },
      h('button', { type: 'button', onclick: () => act('replay', selection, what) }, 'Replay', h('span', { class: 'visually-hidden' }, ` ${what}`)),
      h('button', { type: 'button', class: 'danger', onclick: () => act('purge', selection, what) }, 'Purge', h('span', { class: 'visually-hidden' }, ` ${what}`)))
    : '';

  const render = listing => body.replaceChildren(
    h('p', {}, `Virtual host ${listing.virtualHost}: ${listing.messages.length} faulted message(s).`),
    h('h2', {}, 'Failure groups'),
    table('Messages grouped by exception type and message type', ['Group', { value: 'Count', number: true }, 'Exception type', 'Message type', 'Queues', 'Last fault', 'Example message', operator ? 'Actions' : null].filter(Boolean),
      listing.groups.map(g => [h('code', {}, g.id), number(g.count), g.exceptionType, g.messageType, g.queues.join(', '), g.lastFaultedAt ?? '—', g.exampleMessage ?? '—',
        operator ? buttons({ group: g.id }, `group ${g.id}`) : null].filter(c => c !== null)), { 'data-groups': listing.groups.length }),
    h('h2', {}, 'Error queues'),
    table('The error queues of the virtual host', ['Queue', { value: 'Messages', number: true }, { value: 'Consumers', number: true }, 'Type', operator ? 'Actions' : null].filter(Boolean),
      listing.queues.map(q => [q.name, number(q.messages), number(q.consumers), q.type, operator ? buttons({ queue: q.name }, `queue ${q.name}`) : null].filter(c => c !== null))));

  const polling = poll(async () => (await api('/faults')).data, render, error => body.replaceChildren(message(error.status === 503 ? 'info' : 'error',
    error.status === 503 ? `No error queues to show: ${error.message}` : explain(error))), 10000);
  return polling;
}
