/** The one registry of set rules (rules over several documents), in the order they run. */
import type { SetRule } from '../context.js';
import { traceDuplicateId, traceStoryRenamed, traceUncovered, traceUndefinedId } from './traceability.js';
import { statusLagsTasks, statusOpenTasks, supersedeLinks } from './status.js';
import { collectionDuplicateNumber, collectionIndex, collectionNumberMismatch } from './collections.js';

// biome-ignore lint/suspicious/noExplicitAny: each rule has its own options type; the registry holds them all
export const setRules: readonly SetRule<any>[] = [
  traceUndefinedId,
  traceUncovered,
  traceDuplicateId,
  traceStoryRenamed,
  statusLagsTasks,
  statusOpenTasks,
  supersedeLinks,
  collectionDuplicateNumber,
  collectionNumberMismatch,
  collectionIndex,
];
