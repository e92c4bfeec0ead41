import { dirname, resolve } from 'node:path';
import type { Rule } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { documentAnchors } from '../src/slug.js';
import { didYouMean } from '../src/errors.js';

interface Options {
  checkFragments: boolean;
  checkFiles: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const rule: Rule<Options> = {
  meta: {
    id: 'valid-links',
    description: 'In-document #fragment links resolve to a heading; relative links resolve to files',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-links'),
    optionsSchema: {
      type: 'object',
      properties: {
        checkFragments: { type: 'boolean', description: 'Check `#fragment` links against the headings of the document.' },
        checkFiles: { type: 'boolean', description: 'Check that relative links point at files that exist.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkFragments: true, checkFiles: true },
    fixable: false,
    tags: ['links'],
  },
  check({ doc, options, fileExists, report }) {
    let anchors: Set<string> | undefined;
    for (const link of doc.links) {
      const url = link.url.trim();
      // Template stand-ins (`[link](./[feature].md)`) are no-placeholders' business.
      if (!url || SCHEME.test(url) || url.includes('[')) continue;
      if (url.startsWith('#')) {
        if (!options.checkFragments || url === '#') continue;
        anchors ??= documentAnchors(doc);
        const fragment = decode(url.slice(1)).toLowerCase();
        if (!anchors.has(fragment)) {
          const suggestion = didYouMean(fragment, anchors);
          report({ message: `Link target "${url}" matches no heading in this document${suggestion ? ` (did you mean "#${suggestion}"?)` : ''}`, range: link.range });
        }
        continue;
      }
      if (!options.checkFiles || !fileExists || !doc.filePath || url.startsWith('/')) continue;
      const path = decode(url.replace(/[?#].*$/, ''));
      if (!path) continue;
      const target = resolve(dirname(doc.filePath), path);
      if (!fileExists(target)) report({ message: `Linked file "${path}" does not exist`, range: link.range });
    }
  },
};

export default rule;
