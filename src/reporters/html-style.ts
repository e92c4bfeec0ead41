/** The html report's style sheet: system fonts only (no web fonts, no network), light and dark. */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --error: #cf222e; --warn: #9a6700; --ok: #1a7f37; --hit: #fff8c5; --accent: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --error: #f85149; --warn: #d29922; --ok: #3fb950; --hit: #3b2e00; --accent: #4493f8; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 0 1.5rem 3rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 1.2rem 0 .2rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .4rem; }
code, pre, .path, .location, .rule { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.subtitle, .muted, .shown { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.cards li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 8.5rem; }
.cards .n { display: block; font-size: 1.6rem; font-weight: 600; }
.cards .error .n { color: var(--error); } .cards .warn .n { color: var(--warn); }
#controls { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end;
  padding: .7rem 0; background: var(--bg); border-bottom: 1px solid var(--line); }
#controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: .15rem; }
input, select, button { font: inherit; color: inherit; }
input[type=search], select { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: .3rem .5rem; min-width: 11rem; }
input[type=search] { min-width: 18rem; }
button { cursor: pointer; }
#filter-clear, .toggle { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .25rem .6rem; }
.toggle { font-size: 12px; padding: .05rem .45rem; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); text-align: left; }
button.link:hover, a:hover { text-decoration: underline; }
a { color: var(--accent); text-decoration: none; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .55rem; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 3.9rem; background: var(--panel); font-weight: 600; white-space: nowrap; z-index: 1; }
thead th button { background: none; border: 0; padding: 0; font-weight: 600; }
thead th[aria-sort=ascending] button::after { content: " ▲"; font-size: 10px; }
thead th[aria-sort=descending] button::after { content: " ▼"; font-size: 10px; }
td.num, th.num { text-align: right; white-space: nowrap; }
.error { color: var(--error); font-weight: 600; } .warn { color: var(--warn); font-weight: 600; }
td.muted, span.muted { font-weight: normal; }
.title { color: var(--muted); font-size: 12.5px; }
meter { width: 4.5rem; vertical-align: middle; }
tr.group th { background: var(--bg); padding-top: .9rem; font-weight: 600; border-bottom: 2px solid var(--line); }
tr.group .muted { font-weight: normal; }
td.message { white-space: pre-wrap; word-break: break-word; }
td.location, a.rule, button.rule { white-space: nowrap; }
.excerpt { margin: 0; padding: .4rem 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
.excerpt .line { display: block; padding: 0 .6rem; white-space: pre; }
.excerpt .hit { background: var(--hit); }
.excerpt .ln { display: inline-block; min-width: 3.5em; padding-right: 1em; color: var(--muted); text-align: right; user-select: none; }
.notices li { margin: .2rem 0; }
noscript p { padding: .6rem; border: 1px solid var(--warn); border-radius: 6px; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 12px; }
`;
