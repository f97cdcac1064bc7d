// A TypeScript program against the package's declarations (index.d.ts),
// checked with `tsc --noEmit`; each @ts-expect-error is a misuse the types
// must refuse.
import { parse, Index, BantinError, highlightRanges, version } from 'bantin';
import type { Bulletin, SearchResponse, SearchResult } from 'bantin';

const page: Uint8Array = new TextEncoder().encode('Tiêu đề\n\nNội dung bài viết.');
const bulletin: Bulletin = parse(page, { url: 'https://example.vn/a.html', fetchDate: '2024-01-02' });
const title: string | undefined = bulletin.title;

const index = new Index();
const { id, added }: { id: string; added: boolean } = index.addPage(page);
const response: SearchResponse = index.search('nội dung', { province: 'Hà Nội', pageSize: 10 });
const first: SearchResult | undefined = response.results?.[0];
const ranges: [number, number][] = highlightRanges(first?.snippets?.[0]?.text ?? '', first?.snippets?.[0]?.highlights);
try {
  index.search('"unclosed');
} catch (e) {
  if (e instanceof BantinError) console.log(e.code);
}
index.dispose();
console.log(version, title, id, added, ranges);

// @ts-expect-error: a page is text or bytes
parse(42);
// @ts-expect-error: no such filter
index.search('x', { county: 'Hà Nội' });
// @ts-expect-error: size is read-only
index.size = 3;
