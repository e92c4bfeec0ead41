/**
 * The script of the html report, run in the reader's browser. It is written here as TypeScript so it is
 * type-checked like the rest, and embedded as the text of `htmlClient` (Function.prototype.toString): it must stay
 * one self-contained function that uses nothing from outside it.
 *
 * Every value from the report reaches the page through textContent or a property (never innerHTML), so file names
 * and messages holding `<`, quotes or newlines stay text. The data comes from the page's JSON block (layout in
 * html.ts, `PageData`).
 */

/* The page's data, as html.ts writes it (kept in step with html.ts by the type there). */
type ClientDocument = [path: string, type: string | null, title: string | null, status: string | null, date: string | null, sectionsPresent: number, sectionsRequired: number, placeholders: number, tasksChecked: number, tasksTotal: number, errors: number, warnings: number];
type ClientFinding = [documentIndex: number, line: number, column: number, endLine: number, severity: 0 | 1, ruleIndex: number, message: string];
interface ClientData {
  rules: Array<[id: string, description: string, url: string]>;
  documents: ClientDocument[];
  findings: ClientFinding[];
  sources: Array<Array<[line: number, text: string]> | null>;
}

export function htmlClient(): void {
  const data = JSON.parse(document.getElementById('speclint-data')!.textContent!) as ClientData;
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    if (className) element.className = className;
    return element;
  };
  const UNTYPED = '(no type)';
  const typeOf = (doc: ClientDocument) => doc[1] ?? UNTYPED;
  const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  const textInput = byId<HTMLInputElement>('filter-text');
  const ruleSelect = byId<HTMLSelectElement>('filter-rule');
  const severitySelect = byId<HTMLSelectElement>('filter-severity');
  const typeSelect = byId<HTMLSelectElement>('filter-type');
  const groupSelect = byId<HTMLSelectElement>('group-by');

  const addOptions = (select: HTMLSelectElement, values: string[]) => {
    for (const value of values) {
      const option = make('option', value);
      option.value = value;
      select.append(option);
    }
  };
  addOptions(ruleSelect, data.rules.map((r) => r[0]).sort(compareText));
  addOptions(typeSelect, [...new Set(data.documents.map(typeOf))].sort(compareText));

  interface Filter { text: string; rule: string; severity: string; type: string }
  const current = (): Filter => ({ text: textInput.value.trim().toLowerCase(), rule: ruleSelect.value, severity: severitySelect.value, type: typeSelect.value });

  const findingMatches = (finding: ClientFinding, filter: Filter): boolean => {
    const doc = data.documents[finding[0]]!;
    const rule = data.rules[finding[5]]![0];
    if (filter.rule && rule !== filter.rule) return false;
    if (filter.severity && (finding[4] === 0 ? 'error' : 'warning') !== filter.severity) return false;
    if (filter.type && typeOf(doc) !== filter.type) return false;
    if (filter.text && !`${doc[0]}\n${finding[6]}\n${rule}`.toLowerCase().includes(filter.text)) return false;
    return true;
  };
  const findingsOf: ClientFinding[][] = data.documents.map(() => []);
  for (const f of data.findings) findingsOf[f[0]]!.push(f);
  const documentMatches = (doc: ClientDocument, index: number, filter: Filter): boolean => {
    if (filter.type && typeOf(doc) !== filter.type) return false;
    if (filter.text && !`${doc[0]}\n${doc[2] ?? ''}\n${typeOf(doc)}\n${doc[3] ?? ''}`.toLowerCase().includes(filter.text)) return false;
    if (filter.rule || filter.severity) {
      const withoutText = { ...filter, text: '' };
      return (findingsOf[index] ?? []).some((f) => findingMatches(f, withoutText));
    }
    return true;
  };

  /*
   * A browser lays out every row of a table: ten thousand rows take seconds. Each table shows its first rows and a
   * button for more; filtering and sorting work on all rows and start again from the first page.
   */
  const PAGE = 500;
  const limits = { documents: PAGE, findings: PAGE };
  const moreRow = (columns: number, shown: number, total: number, onMore: (all: boolean) => void): HTMLTableRowElement => {
    const tr = make('tr', undefined, 'more');
    const td = make('td');
    td.colSpan = columns;
    const more = make('button', `Show ${Math.min(PAGE, total - shown)} more`, 'toggle');
    more.type = 'button';
    more.addEventListener('click', () => onMore(false));
    const all = make('button', `Show all ${total}`, 'toggle');
    all.type = 'button';
    all.addEventListener('click', () => onMore(true));
    td.append(make('span', `${total - shown} more not shown `, 'muted'), more, make('span', ' '), all);
    tr.append(td);
    return tr;
  };
  const shownText = (shown: number, matching: number, total: number, noun: string) =>
    matching === total ? `Showing ${shown} of ${total} ${noun}` : `Showing ${shown} of ${matching} ${noun} that match the filters (${total} in all)`;

  /* ---------------------------------------------------------------- sorting */
  interface Sort { key: string; descending: boolean }
  const documentSort: Sort = { key: 'path', descending: false };
  const findingSort: Sort = { key: 'location', descending: false };
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : -1);
  const documentKeys: Record<string, (d: ClientDocument) => string | number> = {
    path: (d) => d[0],
    type: (d) => typeOf(d),
    status: (d) => d[3] ?? '',
    sections: (d) => ratio(d[5], d[6]),
    placeholders: (d) => d[7],
    tasks: (d) => ratio(d[8], d[9]),
    errors: (d) => d[10],
    warnings: (d) => d[11],
  };
  const findingKeys: Record<string, (f: ClientFinding) => string | number> = {
    location: (f) => f[0] * 1e7 + f[1] * 1e3 + Math.min(f[2], 999),
    severity: (f) => f[4],
    rule: (f) => data.rules[f[5]]![0],
    message: (f) => f[6],
  };
  const compareBy = <T>(keyOf: (item: T) => string | number, descending: boolean) => (a: T, b: T) => {
    const x = keyOf(a);
    const y = keyOf(b);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    return descending ? -order : order;
  };
  const wireSort = (table: HTMLTableElement, sort: Sort, render: () => void) => {
    for (const button of Array.from(table.querySelectorAll<HTMLButtonElement>('thead button[data-sort]'))) {
      button.addEventListener('click', () => {
        const key = button.dataset.sort!;
        sort.descending = sort.key === key ? !sort.descending : false;
        sort.key = key;
        for (const th of Array.from(table.querySelectorAll('thead th'))) th.removeAttribute('aria-sort');
        button.closest('th')!.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
        render();
      });
    }
  };

  /* ---------------------------------------------------------------- documents */
  const documentsTable = byId<HTMLTableElement>('documents');
  const renderDocuments = () => {
    const filter = current();
    const rows = data.documents.map((doc, index) => ({ doc, index })).filter(({ doc, index }) => documentMatches(doc, index, filter));
    rows.sort((a, b) => compareBy(documentKeys[documentSort.key]!, documentSort.descending)(a.doc, b.doc) || compareText(a.doc[0], b.doc[0]));
    const body = documentsTable.tBodies[0]!;
    const fragment = document.createDocumentFragment();
    for (const { doc } of rows.slice(0, limits.documents)) {
      const [path, , title, status, date, present, required, placeholders, checked, total, errors, warnings] = doc;
      const tr = make('tr');
      tr.className = errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : 'clean';
      const name = make('td');
      const link = make('button', path, 'link path');
      link.type = 'button';
      link.title = 'Show this document\'s findings';
      link.addEventListener('click', () => {
        textInput.value = path;
        groupSelect.value = 'file';
        renderAll();
        byId('findings-section').scrollIntoView();
      });
      name.append(link);
      if (title) name.append(make('div', title, 'title'));
      tr.append(name, make('td', typeOf(doc), doc[1] ? '' : 'muted'));
      tr.append(make('td', [status, date].filter(Boolean).join(' · '), status ? '' : 'muted'));
      const sections = make('td', '', 'num');
      if (required > 0) {
        const meter = make('meter');
        meter.min = 0;
        meter.max = required;
        meter.value = present;
        meter.title = `${present} of ${required} required sections`;
        sections.append(meter, make('span', ` ${present}/${required}`));
      } else sections.append(make('span', doc[1] ? '0/0' : '—', 'muted'));
      tr.append(sections, make('td', String(placeholders), placeholders > 0 ? 'num warn' : 'num'));
      tr.append(make('td', total > 0 ? `${checked}/${total}` : '—', total > 0 ? 'num' : 'num muted'));
      tr.append(make('td', String(errors), errors > 0 ? 'num error' : 'num'), make('td', String(warnings), warnings > 0 ? 'num warn' : 'num'));
      fragment.append(tr);
    }
    const shown = Math.min(rows.length, limits.documents);
    if (shown < rows.length) {
      fragment.append(moreRow(8, shown, rows.length, (all) => {
        limits.documents = all ? rows.length : limits.documents + PAGE;
        renderDocuments();
      }));
    }
    body.replaceChildren(fragment);
    byId('documents-shown').textContent = shownText(shown, rows.length, data.documents.length, 'documents');
  };

  /* ---------------------------------------------------------------- findings */
  const findingsTable = byId<HTMLTableElement>('findings');
  const excerpt = (finding: ClientFinding): HTMLElement => {
    const pre = make('pre', undefined, 'excerpt');
    for (const [line, text] of data.sources[finding[0]] ?? []) {
      if (line < finding[1] - 2 || line > Math.min(finding[3], finding[1] + 7) + 2) continue;
      const row = make('span', undefined, line >= finding[1] && line <= finding[3] ? 'line hit' : 'line');
      row.append(make('span', String(line), 'ln'), make('span', text === '' ? ' ' : text, 'src'));
      pre.append(row);
    }
    return pre;
  };
  const renderFindings = () => {
    const filter = current();
    const group = groupSelect.value;
    const rows = data.findings.filter((f) => findingMatches(f, filter));
    const groupKey = (f: ClientFinding): string => (group === 'file' ? data.documents[f[0]]![0] : group === 'rule' ? data.rules[f[5]]![0] : '');
    const within = compareBy(findingKeys[findingSort.key]!, findingSort.descending);
    rows.sort((a, b) => compareText(groupKey(a), groupKey(b)) || within(a, b) || findingKeys.location!(a) as number - (findingKeys.location!(b) as number));
    const body = findingsTable.tBodies[0]!;
    const fragment = document.createDocumentFragment();
    let previous: string | undefined;
    const groupCounts = new Map<string, number>();
    for (const f of rows) groupCounts.set(groupKey(f), (groupCounts.get(groupKey(f)) ?? 0) + 1);
    for (const f of rows.slice(0, limits.findings)) {
      const doc = data.documents[f[0]]!;
      const rule = data.rules[f[5]]!;
      const key = groupKey(f);
      if (group !== 'none' && key !== previous) {
        const header = make('tr', undefined, 'group');
        const th = make('th');
        th.colSpan = 5;
        th.scope = 'rowgroup';
        const count = groupCounts.get(key)!;
        th.append(make('span', key, group === 'file' ? 'path' : 'rule'), make('span', ` ${count} finding${count === 1 ? '' : 's'}${group === 'file' ? ` · ${typeOf(doc)}` : ` · ${rule[1]}`}`, 'muted'));
        header.append(th);
        fragment.append(header);
        previous = key;
      }
      const tr = make('tr', undefined, 'finding');
      tr.dataset.severity = f[4] === 0 ? 'error' : 'warning';
      tr.dataset.rule = rule[0];
      // Grouped by file, the group's heading names the file: the row says where in it.
      tr.append(make('td', group === 'file' ? `${f[1]}:${f[2]}` : `${doc[0]}:${f[1]}:${f[2]}`, 'location path'));
      tr.append(make('td', f[4] === 0 ? 'error' : 'warning', f[4] === 0 ? 'error' : 'warn'));
      const ruleCell = make('td');
      const ruleLink = make('a', rule[0], 'rule');
      ruleLink.href = rule[2];
      ruleLink.target = '_blank';
      ruleLink.rel = 'noopener noreferrer';
      ruleLink.title = rule[1];
      ruleCell.append(ruleLink);
      tr.append(ruleCell, make('td', f[6], 'message'));
      const toggleCell = make('td');
      if (data.sources[f[0]]) {
        const toggle = make('button', 'source', 'toggle');
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', 'false');
        toggle.addEventListener('click', () => {
          const next = tr.nextElementSibling;
          if (next?.classList.contains('excerpt-row')) {
            next.remove();
            toggle.setAttribute('aria-expanded', 'false');
            return;
          }
          const row = make('tr', undefined, 'excerpt-row');
          const cell = make('td');
          cell.colSpan = 5;
          cell.append(excerpt(f));
          row.append(cell);
          tr.after(row);
          toggle.setAttribute('aria-expanded', 'true');
        });
        toggleCell.append(toggle);
      }
      tr.append(toggleCell);
      fragment.append(tr);
    }
    const shown = Math.min(rows.length, limits.findings);
    if (shown < rows.length) {
      fragment.append(moreRow(5, shown, rows.length, (all) => {
        limits.findings = all ? rows.length : limits.findings + PAGE;
        renderFindings();
      }));
    }
    body.replaceChildren(fragment);
    byId('findings-shown').textContent = shownText(shown, rows.length, data.findings.length, 'findings');
  };

  /* ---------------------------------------------------------------- rules */
  const renderRules = () => {
    const counts = data.rules.map(() => [0, 0]);
    for (const f of data.findings) counts[f[5]]![f[4]]!++;
    const body = byId<HTMLTableElement>('rules').tBodies[0]!;
    const order = data.rules.map((rule, index) => ({ rule, index })).sort((a, b) => counts[b.index]![0]! + counts[b.index]![1]! - counts[a.index]![0]! - counts[a.index]![1]! || compareText(a.rule[0], b.rule[0]));
    for (const { rule, index } of order) {
      const tr = make('tr');
      const name = make('td');
      const button = make('button', rule[0], 'link rule');
      button.type = 'button';
      button.title = 'Show this rule\'s findings';
      button.addEventListener('click', () => {
        ruleSelect.value = rule[0];
        groupSelect.value = 'file';
        renderAll();
        byId('findings-section').scrollIntoView();
      });
      name.append(button);
      const docs = make('td');
      const link = make('a', 'docs');
      link.href = rule[2];
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      docs.append(link);
      tr.append(name, make('td', rule[1]), make('td', String(counts[index]![0]), 'num'), make('td', String(counts[index]![1]), 'num'), docs);
      body.append(tr);
    }
  };

  const renderAll = () => {
    limits.documents = PAGE;
    limits.findings = PAGE;
    renderDocuments();
    renderFindings();
  };
  wireSort(documentsTable, documentSort, () => {
    limits.documents = PAGE;
    renderDocuments();
  });
  wireSort(findingsTable, findingSort, () => {
    limits.findings = PAGE;
    renderFindings();
  });
  let pending: number | undefined;
  textInput.addEventListener('input', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(renderAll, 120);
  });
  for (const select of [ruleSelect, severitySelect, typeSelect]) select.addEventListener('change', renderAll);
  groupSelect.addEventListener('change', () => {
    limits.findings = PAGE;
    renderFindings();
  });
  byId<HTMLButtonElement>('filter-clear').addEventListener('click', () => {
    textInput.value = '';
    ruleSelect.value = '';
    severitySelect.value = '';
    typeSelect.value = '';
    renderAll();
  });
  renderRules();
  renderAll();
  document.body.classList.add('ready');
}
