/**
 * Every test file: the core's JSON Schema validators come from the project layer (src/project/validators.ts), as in
 * the CLI and the public API; tests that call the core directly get them the same way.
 */
import '../src/project/validators.js';

// RuleTester declares its tests with the runner's describe/it (vitest has no globals).
import { describe, it } from 'vitest';
import { RuleTester } from '../src/testing/rule-tester.js';

RuleTester.describe = describe;
RuleTester.it = it;
