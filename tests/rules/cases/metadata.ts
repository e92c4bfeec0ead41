/** metadata as RuleTester cases: fields the type declares, their formats, dates that exist. */
import rule from '../../../rules/metadata.js';
import { RuleTester } from '../../../src/testing/rule-tester.js';

const header = (fields: string) => `---\ntype: design-doc\n---\n\n# Technical Specification: Audit Log Export\n\n${fields}\n\n## Executive Summary\n\nAdmins download the audit log.\n`;

new RuleTester().run(rule, {
  valid: [
    header('**Author:** Ada Lovelace\n**Version:** 1.2\n**Status:** Draft\n**Date:** 2025-02-28\n**Last Updated:** 2025-03-01'),
    { name: 'an untyped document with a date that exists', code: '# Notes\n\n**Date**: 2024-02-29\n\nText.\n' },
  ],
  invalid: [
    {
      code: header('**Author:** Ada Lovelace\n**Version:** one\n**Status:** Done\n**Date:** 2025-02-30\n**Last Updated:** 2025-03-01'),
      errors: [
        { line: 8, column: 14, endColumn: 17, message: 'Version "one" is not a version' },
        { line: 9, column: 13, endColumn: 17, message: 'Status "Done" is not one of: Draft, Review, Approved' },
        { line: 10, column: 11, endColumn: 21, message: 'Date "2025-02-30" is not a date that exists (Feb 2025 has no day 30)' },
      ],
    },
    {
      name: 'a missing field the type declares',
      code: header('**Version:** 1.2\n**Status:** Draft\n**Date:** 2025-02-28\n**Last Updated:** 2025-03-01'),
      errors: [{ line: 5, column: 1, message: 'Missing metadata field "Author"' }],
    },
    {
      name: 'an untyped document: impossible dates only',
      code: '# Notes\n\n**Last Updated**: 2023-13-01\n\nText.\n',
      errors: [{ line: 3, column: 19, message: '"2023-13-01" is not a date that exists' }],
    },
  ],
});

/** Issue 12, class 3: an unlabelled byline under the title (names, then a date alone) gives the author and the date. */
const proposal = '# Proposal: [Title]\n\nAuthor(s): [Author Name, Co-Author Name]\n\nLast updated: [Date]\n\n## Abstract\n\n[What it is]\n';

new RuleTester({ documentType: proposal }).run(rule, {
  valid: [
    { name: 'a byline of a name and a date', code: '# Proposal: Error printing\n\nMarcel van Lohuizen\\\nAugust 27, 2018\n\n## Abstract\n\nA.\n' },
    { name: 'a byline of a month and year', code: '# Proposal: Telemetry\n\nRuss Cox\\\nDecember 2022\n\n## Abstract\n\nA.\n' },
    { name: 'a label in another inflection', code: '# Proposal: Transitions\n\nAuthor: Ian Lance Taylor\n\nLast update: October 15, 2018\n\n## Abstract\n\nA.\n' },
  ],
  invalid: [
    {
      name: 'a document that labels its fields is held to the labels',
      code: '# Proposal: Regions\n\nAuthor(s): Michael Knyszek\n\nDecember 2022\n\n## Abstract\n\nA.\n',
      errors: [{ line: 1, column: 1, message: 'Missing metadata field "Last updated" (the inline template declares "Last updated: [Date]"): add it' }],
    },
    {
      name: 'a sentence with a date is no byline',
      code: '# Proposal: Regions\n\nThis was discussed on August 27, 2018 at length.\n\n## Abstract\n\nA.\n',
      errors: [
        { line: 1, column: 1, message: 'Missing metadata field "Author(s)"' },
        { line: 1, column: 1, message: 'Missing metadata field "Last updated"' },
      ],
    },
  ],
});

/**
 * Header fields as a template writes them: `_if applicable_` in underscores makes a field optional like
 * `*if applicable*`; a sentence of the template's guidance wrapped before a colon ("… spell⏎the ordinal out: …") is
 * no field; and a document's value wrapped to the item's next line is the value.
 */
const headerTemplate = [
  '# Feature name',
  '',
  '* Proposal: [XY-NNNN](NNNN-filename.md)',
  '* Status: **Awaiting review**',
  '* Bug: _if applicable_ [org/repo#NNNNN](https://example.org/issues/NNNNN)',
  '* Implementation: [org/repo#NNNNN](https://example.org/pull/NNNNN)',
  '',
  '`Review` is a history of all discussion threads. If there are several, spell',
  'the ordinal out: `first pitch` `second review` etc.',
  '',
  '## Introduction',
  '',
  'A short description.',
  '',
].join('\n');

new RuleTester({ documentType: headerTemplate }).run(rule, {
  valid: [
    {
      name: 'no optional field, no guidance sentence read as a field, a value on the next line',
      code: '# Exit tests\n\n* Proposal: [XY-0008](0008-exit-tests.md)\n* Status: **Implemented**\n* Implementation: \n[org/repo#324](https://example.org/pull/324)\n\n## Introduction\n\nExit tests.\n',
    },
  ],
  invalid: [
    {
      name: 'an empty required field is still reported',
      code: '# Exit tests\n\n* Proposal: [XY-0008](0008-exit-tests.md)\n* Status: **Implemented**\n* Implementation:\n* Review: (pitch)\n\n## Introduction\n\nExit tests.\n',
      errors: [{ line: 1, column: 1, message: 'Missing metadata field "Implementation"' }],
    },
  ],
});
