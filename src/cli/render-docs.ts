/** Rule documentation in a terminal (`speclint rules <id>`). */
import pc from 'picocolors';

/**
 * Markdown made readable in a terminal: headings bold, fenced code indented (and dimmed with colour), inline
 * code marks kept. Without colour the page is printed as written, which is already plain text.
 */
export function renderForTerminal(markdown: string, color: boolean): string {
  if (!color) return markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  const c = pc.createColors(true);
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence)) fence = undefined;
      else out.push(c.dim(`    ${line}`));
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) out.push(heading[1]!.length <= 2 ? c.bold(c.underline(heading[2]!)) : c.bold(heading[2]!));
    else out.push(line.replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code)));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
