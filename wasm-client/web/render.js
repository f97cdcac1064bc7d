// DOM rendering of the viewer: list items with highlighted matches, facets,
// the article as a reader expects it, and the raw page with the parser's
// verdict on every line. No state lives here.

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

export function formatDate(date, time) {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}${time ? ' ' + time : ''}`;
}

// `text` with its highlights wrapped in <mark>: `ranges`, [begin, end)
// positions of the string, as the library gives them beside each
// snippet's byte offsets (library.js, search).
export function marked(text, ranges) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [b, e] of ranges || []) {
    if (b < at) continue;
    frag.append(text.slice(at, b), el('mark', '', text.slice(b, e)));
    at = e;
  }
  frag.append(text.slice(at));
  return frag;
}

export function listItem(result) {
  const li = el('li');
  const button = el('button', 'item');
  button.type = 'button';
  button.dataset.id = result.id;
  const titleSnippet = (result.snippets || []).find((s) => s.field === 'title');
  const title = el('span', 'item-title');
  title.append(titleSnippet ? marked(titleSnippet.text, titleSnippet.ranges) : (result.title || '(không có tiêu đề)'));
  const meta = el('span', 'item-meta');
  const parts = [
    [formatDate(result.date) || 'Không rõ ngày', 'item-date'],
    [result.source?.province, 'item-province'],
    [result.author, 'item-author'],
  ];
  for (const [text, cls] of parts) if (text) meta.append(el('span', cls, text));
  button.append(title, meta);
  const snippet = itemSnippet(result.snippets);
  if (snippet) button.append(snippet);
  li.append(button);
  return li;
}

// The line under a list item's title: the first marked snippet of the
// article's body, or null when it has none.
export function itemSnippet(snippets = []) {
  const body = snippets.find((s) => s.field !== 'title');
  if (!body || !(body.ranges || []).length) return null;
  const sn = el('span', 'item-snippet');
  sn.append(body.offset ? '… ' : '', marked(body.text, body.ranges), ' …');
  return sn;
}

// Facet chips: publishers' provinces, months and the provinces the articles
// are about, counted over the whole match set.
export function facetChips(container, response, onPick) {
  container.replaceChildren();
  const group = (label, facets, kind, format) => {
    if (!facets || !facets.length) return;
    const row = el('div', 'facet-row');
    row.append(el('span', 'facet-label', label));
    for (const f of facets.slice(0, 24)) {
      const chip = el('button', 'chip');
      chip.type = 'button';
      chip.dataset.kind = kind;
      chip.dataset.value = f.value;
      chip.append(format(f.value), ' ', el('span', 'count', f.count ?? '0'));
      chip.addEventListener('click', () => onPick(kind, f.value));
      row.append(chip);
    }
    container.append(row);
  };
  group('Tỉnh:', response.provinceFacets, 'province', (v) => v);
  group('Tháng:', response.monthFacets, 'month', (v) => v.split('-').reverse().join('/'));
  group('Địa bàn:', response.placeFacets, 'place', (v) => v);
}

const KIND_TAG = { HEADING: 'h3', QUOTE: 'blockquote', CAPTION: 'figcaption' };

export function renderArticle(b) {
  document.getElementById('title').textContent = b.title || '(không có tiêu đề)';
  const date = document.getElementById('date');
  date.replaceChildren();
  if (b.date) {
    date.append(formatDate(b.date, b.time));
    if (b.dateInferred) {
      const mark = el('span', 'inferred', 'suy đoán');
      mark.title = 'Ngày (hoặc năm) được suy ra từ nội dung, trang không in ngày đăng';
      date.append(' ', mark);
    }
  } else {
    date.append('Không rõ ngày');
  }
  const src = b.source || {};
  document.getElementById('source').textContent =
    [src.province, src.name || src.site].filter(Boolean).join(' · ');
  const byline = [b.author && `Tác giả: ${b.author}`, b.credit].filter(Boolean).join(' — ');
  document.getElementById('author-line').textContent = byline;
  // The provinces the article is about, apart from its publisher's.
  const places = document.getElementById('places');
  places.textContent = (b.places || []).length ? `Địa bàn: ${b.places.join(', ')}` : '';
  places.hidden = !(b.places || []).length;

  const blocks = document.getElementById('blocks');
  blocks.replaceChildren();
  let list = null;
  for (const block of b.blocks || []) {
    const kind = (block.kind || '').replace('BLOCK_KIND_', '');
    if (kind === 'LIST_ITEM') {
      if (!list) blocks.append((list = el('ul', 'list-items')));
      list.append(el('li', '', block.text));
      continue;
    }
    list = null;
    blocks.append(el(KIND_TAG[kind] || 'p', kind.toLowerCase() || 'paragraph', block.text));
  }
  const related = document.getElementById('related');
  const relatedList = document.getElementById('related-list');
  relatedList.replaceChildren(...(b.related || []).map((t) => el('li', '', t)));
  related.hidden = !(b.related || []).length;
}

// Roles whose lines the parser dropped (shaded), and those it read as the
// article's metadata rather than its text (tinted).
const DROPPED = new Set(['NAVIGATION', 'BOILERPLATE', 'PAGE_CLOCK', 'DUPLICATE', 'RELATED', 'UNSPECIFIED']);
const METADATA = new Set(['TITLE', 'PUBLICATION', 'BYLINE', 'CREDIT']);
const ROLE_NAMES = {
  BLANK: 'dòng trống', TITLE: 'tiêu đề', BODY: 'nội dung', PUBLICATION: 'dòng ngày đăng',
  PAGE_CLOCK: 'đồng hồ của trang', NAVIGATION: 'điều hướng', BYLINE: 'tác giả', CREDIT: 'nguồn',
  RELATED: 'bài liên quan', BOILERPLATE: 'phần chung của trang', DUPLICATE: 'lặp lại', UNSPECIFIED: 'không rõ',
};

// The page text with every line span marked by its role; byte offsets of
// the spans index the UTF-8 of `text`.
export function renderRaw(pre, text, lines) {
  pre.replaceChildren();
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  let at = 0;
  for (const line of lines || []) {
    const begin = line.begin ?? 0;
    const end = line.end ?? 0;
    if (begin < at || end > bytes.length || end < begin) continue;
    if (begin > at) pre.append(decoder.decode(bytes.subarray(at, begin)));
    const role = (line.role || 'LINE_ROLE_UNSPECIFIED').replace('LINE_ROLE_', '');
    const span = el('span', 'line', decoder.decode(bytes.subarray(begin, end)));
    if (DROPPED.has(role)) span.classList.add('dropped');
    else if (METADATA.has(role)) span.classList.add('meta-line');
    span.dataset.role = role.toLowerCase();
    span.title = ROLE_NAMES[role] || role;
    pre.append(span);
    at = end;
  }
  if (at < bytes.length) pre.append(decoder.decode(bytes.subarray(at)));
}
