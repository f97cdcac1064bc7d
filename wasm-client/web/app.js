// The viewer: parses dropped pages with the same C++ core as the server,
// compiled to WebAssembly, and renders the bulletin. Nothing leaves the page.
import { parse } from '/wasm/bantin.mjs';

const $ = (id) => document.getElementById(id);

function formatDate(b) {
  if (!b.date) return 'Không rõ ngày';
  const [y, m, d] = b.date.split('-');
  const text = `${d}/${m}/${y}${b.time ? ' ' + b.time : ''}`;
  return b.dateInferred ? `${text} (suy đoán)` : text;
}

function render(b) {
  $('title').textContent = b.title || '(không có tiêu đề)';
  $('date').textContent = formatDate(b);
  const src = b.source || {};
  $('source').textContent = [src.province, src.name || src.site].filter(Boolean).join(' · ');
  $('author').textContent = b.author ? `Tác giả: ${b.author}` : '';
  const blocks = $('blocks');
  blocks.replaceChildren();
  let list = null;
  for (const block of b.blocks || []) {
    const kind = (block.kind || '').replace('BLOCK_KIND_', '');
    if (kind === 'LIST_ITEM') {
      if (!list) blocks.append((list = document.createElement('ul')));
      const li = document.createElement('li');
      li.textContent = block.text;
      list.append(li);
      continue;
    }
    list = null;
    const tag = kind === 'HEADING' ? 'h3' : kind === 'QUOTE' ? 'blockquote' : kind === 'CAPTION' ? 'figcaption' : 'p';
    const el = document.createElement(tag);
    el.className = kind.toLowerCase();
    el.textContent = block.text;
    blocks.append(el);
  }
  $('article').hidden = false;
}

async function open(files) {
  const file = files[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const bulletin = parse(bytes, {});
  render(bulletin);
  $('status').textContent = `Đã phân tích ${file.name}` +
    (bulletin.warnings?.length ? ` — ${bulletin.warnings.length} cảnh báo` : '');
}

$('file').addEventListener('change', (e) => open(e.target.files));
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  open(e.dataTransfer.files);
});
$('status').textContent = 'Sẵn sàng.';
document.body.dataset.ready = 'true';
