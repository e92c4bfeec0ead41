/** The one place reporters are registered; each loads only when asked for. */
import type { Reporter } from './types.js';

const loaders: Record<string, () => Promise<{ default: Reporter }>> = {
  text: () => import('./text.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  compact: () => import('./compact.js'),
  html: () => import('./html.js'),
  junit: () => import('./junit.js'),
  gitlab: () => import('./gitlab.js'),
  markdown: () => import('./markdown.js'),
};

export const reporterNames = Object.keys(loaders);

export async function loadReporter(name: string): Promise<Reporter> {
  const load = loaders[name];
  if (!load) throw new Error(`unknown format "${name}" (expected one of: ${reporterNames.join(', ')})`);
  return (await load()).default;
}
