/** The lintText properties with as many cases as before the split (slow tier; the unit tier runs a few cases of each). */
import { fuzzLintText } from './lint-text.js';

fuzzLintText({ arbitrary: 200, fix: 40 });
