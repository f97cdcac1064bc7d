#!/usr/bin/env node
// Mozilla Readability (the engine of Firefox's Reader View) behind the
// command line bantin's scorer calls, so both are scored by the same
// tests/tools/eval_extraction.py on the same pages:
//
//   readability-parse.mjs parse --json PAGE.html
//
// prints a Bulletin-shaped JSON object: title, date (publishedTime's day),
// author (the byline), blocks (the article's paragraphs and list items in
// order, figcaptions as captions; text-only divs and h2 as paragraphs).
// Readability has no notion of a publisher's province, so none is given: right for national outlets,
// wrong for provincial ones (reported beside the score in bench/RESULTS.md).
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const file = process.argv.at(-1);
const html = readFileSync(file, 'utf8');
const quiet = new VirtualConsole();  // pages' CSS and scripts are not run; their errors are noise
const dom = new JSDOM(html, { url: 'https://example.invalid/', virtualConsole: quiet });
const article = new Readability(dom.window.document).parse();
const out = { title: '', blocks: [] };
if (article) {
  out.title = (article.title || '').trim();
  if (article.byline) out.author = article.byline.trim();
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(article.publishedTime || '');
  if (day) out.date = day[1];
  const content = new JSDOM(article.content).window.document;
  // Text-bearing leaves in reading order: paragraphs, list items, captions,
  // quotes, and divs or h2 that hold text but no blocks (sapos often sit in one).
  for (const el of content.querySelectorAll('p, li, figcaption, blockquote, div, h2')) {
    if (el.querySelector('p, li, div, figcaption, blockquote, h2, table')) continue;  // its blocks are listed
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const kind = el.tagName === 'FIGCAPTION' ? 'BLOCK_KIND_CAPTION'
      : el.tagName === 'LI' ? 'BLOCK_KIND_LIST_ITEM' : 'BLOCK_KIND_PARAGRAPH';
    out.blocks.push({ kind, text });
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
