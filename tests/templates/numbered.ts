/** Numbers `##`–`####` headings the way people number them: `## 1. Executive Summary`, `### 2.1 Problem Statement`. */
export function numbered(text: string): string {
  const counters = [0, 0, 0, 0, 0];
  let fence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^```/.test(line)) fence = !fence;
      const m = !fence && /^(#{2,4}) (.*)$/.exec(line);
      if (!m) return line;
      const level = m[1]!.length;
      counters[level]!++;
      for (let l = level + 1; l < counters.length; l++) counters[l] = 0;
      const number = counters.slice(2, level + 1).join('.');
      return `${m[1]} ${level === 2 ? `${number}.` : number} ${m[2]}`;
    })
    .join('\n');
}
