// Placeholder until the baseline work lands (owned by the integrations work).
import type { FileReport } from './reporters/types.js';
export type Baseline = unknown;
export function readBaseline(path: string): Baseline { throw new Error(`baselines are not implemented yet (${path})`); }
export function applyBaseline(reports: FileReport[], baseline: Baseline): void { void reports; void baseline; }
export function writeBaseline(path: string, reports: FileReport[]): { count: number } { void reports; throw new Error(`baselines are not implemented yet (${path})`); }
