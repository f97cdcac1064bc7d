// The part of bantin's query syntax (README "Search queries") that the peer
// engines can be given too, parsed once so every adapter builds its own
// native query from the same tree.
//
// A query is clauses that all hold; a clause is items joined by `OR`; an item
// is a word, a "phrase" or a field filter, maybe negated with `-`. The peers
// get words and phrases (a phrase as all of its words: neither peer has
// adjacency), negated words, and `province:` / `date` filters (checked on
// stored fields). Queries the peers cannot mean the same way (author:,
// person:, source:, place:, filters only, a negated phrase, malformed ones)
// stay out of the side-by-side set; the driver prints which.

// bantin's folding as far as a peer needs it: NFD, combining marks
// U+0300–U+036F dropped (tones and ă â ê ô ơ ư), đ→d, Đ→D, lower case.
export const fold = (s) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

// Words as every engine splits them (letters and digits), lower case, NFC.
export const words = (s) => s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const ITEM = /^(-?)(?:([a-z]+)(:|>=|<=|>|<))?(?:"([^"]*)"|([^\s"]+))/u;

// → {clauses: [[item, ...], ...], negatives: [item, ...], filters: [item, ...]}
//   item: {neg, field?, op?, value, phrase, words}
// or {unsupported: 'why'}.
export function parseQuery(q) {
  if ((q.match(/"/g) ?? []).length % 2) return { unsupported: 'malformed (quote)' };
  const items = [];
  let rest = q.trim();
  let joinNext = false;
  while (rest) {
    if (/^OR(\s|$)/.test(rest)) {
      if (!items.length) return { unsupported: 'malformed (OR first)' };
      joinNext = true;
      rest = rest.slice(2).trimStart();
      continue;
    }
    const m = ITEM.exec(rest);
    if (!m) return { unsupported: 'malformed' };
    const value = m[4] ?? m[5];
    const item = { neg: m[1] === '-', field: m[2], op: m[3], value, phrase: m[4] !== undefined, words: words(value) };
    if (joinNext) items.at(-1).push(item);
    else items.push([item]);
    joinNext = false;
    rest = rest.slice(m[0].length).trimStart();
  }
  if (joinNext) return { unsupported: 'malformed (OR last)' };
  const clauses = [], negatives = [], filters = [];
  for (const clause of items) {
    const fields = new Set(clause.map((i) => i.field ?? ''));
    if (fields.size > 1) return { unsupported: 'OR of a filter and words' };
    const field = [...fields][0];
    if (field && field !== 'province' && field !== 'date') return { unsupported: `${field}: filter` };
    if (field === 'date' && !clause.every((i) => /^\d{4}(-\d\d(-\d\d)?)?$/.test(i.value)))
      return { unsupported: 'malformed date' };
    if (field) {
      if (clause.length > 1) return { unsupported: 'OR of filters' };
      filters.push(clause[0]);
    } else if (clause.length === 1 && clause[0].neg) {
      if (clause[0].phrase && clause[0].words.length > 1) return { unsupported: 'negated phrase' };
      negatives.push(clause[0]);
    } else {
      if (clause.some((i) => i.neg || !i.words.length)) return { unsupported: 'negation inside OR' };
      clauses.push(clause);
    }
  }
  if (!clauses.length) return { unsupported: 'no words (filters or negations only)' };
  return { clauses, negatives, filters };
}

// A predicate over a document's {province, date} for the query's filters
// (null when it has none). Province compares folded, as bantin's does; a
// partial date covers its span; undated documents never pass a date filter.
export function filterOf({ filters }) {
  if (!filters.length) return null;
  const tests = filters.map(({ neg, field, op, value }) => {
    let test;
    if (field === 'province') {
      const want = fold(value);
      test = (d) => fold(d.province ?? '') === want;
    } else {
      const n = value.length;
      const cmp = { ':': (a) => a === value, '>=': (a) => a >= value, '<=': (a) => a <= value,
                    '>': (a) => a > value, '<': (a) => a < value }[op];
      test = (d) => !!d.date && cmp(d.date.slice(0, n));
    }
    return neg ? (d) => !test(d) : test;
  });
  return (d) => tests.every((t) => t(d));
}
