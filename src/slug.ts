/** GitHub's heading anchors: github-slugger over each heading's text, with -1, -2… for repeats. */
import GithubSlugger from 'github-slugger';
import type { SpecDocument } from './types.js';

const ANCHOR = /<a\s[^>]*?(?:name|id)\s*=\s*["']([^"']+)["']|\sid\s*=\s*["']([^"']+)["']/gi;

export function documentAnchors(doc: SpecDocument): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const section of doc.sections) anchors.add(slugger.slug(section.text));
  for (const comment of collectHtml(doc)) {
    ANCHOR.lastIndex = 0;
    for (let m = ANCHOR.exec(comment); m; m = ANCHOR.exec(comment)) anchors.add((m[1] ?? m[2])!.toLowerCase());
  }
  return anchors;
}

function collectHtml(doc: SpecDocument): string[] {
  const out: string[] = [];
  const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'html' && node.value) out.push(node.value);
    for (const child of (node.children ?? []) as Array<typeof node>) visit(child);
  };
  visit(doc.root as unknown as { type: string; children?: unknown[] });
  return out;
}
