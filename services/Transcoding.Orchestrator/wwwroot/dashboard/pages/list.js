// Items: GET /media with state and code filters, keyset pages (next via the API's cursor, previous via the cursors
// this tab walked through), a box to go straight to an id. Polled every 5 s.
import { api } from '../api.js';
import { h, table, number, time, state, itemLink, fileName, message, explain, poll } from '../dom.js';

const states = ['uploaded', 'transcoding', 'ready', 'failed'];
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Cursors of the pages before this one, for "Previous"; kept for the filters they belong to.
let trail = { filters: '', cursors: [] };

function hash(filters, cursor) {
  const query = new URLSearchParams(filters);
  if (cursor) query.set('cursor', cursor);
  return `#/list?${query}`;
}

export function show(main, { params, navigate }) {
  const filters = new URLSearchParams();
  for (const name of ['state', 'code']) if (params.get(name)) filters.set(name, params.get(name));
  const cursor = params.get('cursor') ?? '';
  if (trail.filters !== filters.toString()) trail = { filters: filters.toString(), cursors: [] };

  const stateSelect = h('select', { id: 'filter-state', name: 'state' },
    h('option', { value: '' }, 'any'), states.map(s => h('option', { value: s, selected: s === filters.get('state') }, s)));
  const codeInput = h('input', { id: 'filter-code', name: 'code', value: filters.get('code') ?? '', placeholder: 'e.g. source_unreadable' });
  const filterForm = h('form', { class: 'filters', 'aria-label': 'Filter items' },
    h('div', {}, h('label', { for: 'filter-state' }, 'State'), stateSelect),
    h('div', {}, h('label', { for: 'filter-code' }, 'Failure code'), codeInput),
    h('button', { type: 'submit' }, 'Filter'));
  filterForm.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (stateSelect.value) next.set('state', stateSelect.value);
    if (codeInput.value.trim()) next.set('code', codeInput.value.trim());
    navigate(hash(next));
  });

  const idInput = h('input', { id: 'go-id', name: 'id', size: 38, placeholder: '00000000-0000-0000-0000-000000000000' });
  const idMessage = h('div', {});
  const idForm = h('form', { class: 'filters', 'aria-label': 'Go to an item' },
    h('div', {}, h('label', { for: 'go-id' }, 'Media id'), idInput),
    h('button', { type: 'submit' }, 'Go to item'), idMessage);
  idForm.addEventListener('submit', event => {
    event.preventDefault();
    const id = idInput.value.trim();
    if (guid.test(id)) navigate(`#/media/${id}`);
    else idMessage.replaceChildren(message('error', 'A media id is a GUID like 0b7f3c1e-5a43-4c55-9d7e-0f3a1c2b4d01.'));
  });

  const body = h('div', {});
  main.append(h('h1', {}, 'Items'), filterForm, idForm, body);

  const load = async () => {
    const query = new URLSearchParams(filters);
    if (cursor) query.set('cursor', cursor);
    return (await api(`/media?${query}`)).data;
  };
  const render = page => {
    const previous = h('button', { type: 'button', disabled: cursor === '' }, 'Previous page');
    previous.addEventListener('click', () => navigate(hash(filters, trail.cursors.pop() ?? '')));
    const next = h('button', { type: 'button', disabled: !page.nextCursor }, 'Next page');
    next.addEventListener('click', () => {
      trail.cursors.push(cursor);
      navigate(hash(filters, page.nextCursor));
    });
    body.replaceChildren(
      table(`Items${filters.get('state') ? ` in state ${filters.get('state')}` : ''}${filters.get('code') ? ` failed with ${filters.get('code')}` : ''}, newest first`,
        ['Media id', 'Source file', 'State', 'Failure code', { value: 'Attempts', number: true }, { value: 'Progress', number: true }, 'Uploaded', 'Updated'],
        page.items.map(i => [
          itemLink(i.mediaId), h('span', { title: i.sourceKey, 'data-source-file': '' }, fileName(i.sourceKey)), state(i.state), i.failureCode ?? '', number(`${i.attemptsUsed} of ${i.attemptsAllowed}`),
          number(`${Math.round(i.progress)} %`), time(i.uploadedAt), time(i.updatedAt),
        ]), { 'data-items': page.items.length }),
      h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next));
  };
  return poll(load, render, error => body.replaceChildren(message('error', explain(error))), 5000);
}
