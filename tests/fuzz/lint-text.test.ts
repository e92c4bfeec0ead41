/** A few cases of each lintText property in the unit tier; lint-text.slow.test.ts runs many (CI runs both tiers). */
import { fuzzLintText } from './lint-text.js';

fuzzLintText({ arbitrary: 40, fix: 8 });
