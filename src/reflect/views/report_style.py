"""The report's stylesheet: light and dark (the reader's system setting) and paper.

Charts are coloured only from here (classes and CSS variables), so they follow
the theme. System fonts only: the page loads nothing.
"""

CSS = """
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2126; --muted: #5f6b76; --rule: #d9dee3; --panel: #f5f7f9;
  --accent: #2f6fb3; --heat: #c2410c; --empty: #eef1f4;
  --o-offer: #2e8b57; --o-advanced: #7cb87c; --o-pending: #a3acb5; --o-rejected: #d0573f;
  --o-withdrew: #8d6cab; --o-ghosted: #c9a227; --o-reached: #2f6fb3;
  --prep: #2f6fb3; --conf: #e08a2c; --line: #2f6fb3; --mark: #d0573f;
  --p-done: #2e8b57; --p-doing: #e0b12c; --p-todo: #c5ccd3; --p-skipped: #8b939b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15181c; --fg: #e6e9ec; --muted: #9aa5b0; --rule: #2d333a; --panel: #1d2228;
    --accent: #79a8e0; --heat: #fb923c; --empty: #232930;
    --o-offer: #4fbf7f; --o-advanced: #8fcf8f; --o-pending: #6b747d; --o-rejected: #ef7b63;
    --o-withdrew: #b394d6; --o-ghosted: #e0be4a; --o-reached: #79a8e0;
    --prep: #79a8e0; --conf: #f0a350; --line: #79a8e0; --mark: #ef7b63;
    --p-done: #4fbf7f; --p-doing: #e8c34a; --p-todo: #3d454e; --p-skipped: #6b747d;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 24px 20px 60px; }
header h1 { margin: 0 0 4px; font-size: 1.6rem; }
.muted { color: var(--muted); }
.notice { border-left: 4px solid var(--accent); background: var(--panel); padding: 8px 12px; margin: 12px 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 12px 0; }
nav a { color: var(--accent); text-decoration: none; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.tile { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.tile b { display: block; font-size: 1.4rem; }
section { border-top: 1px solid var(--rule); padding-top: 8px; margin-top: 24px; }
section h2 { font-size: 1.25rem; margin: 8px 0 4px; }
h3 { font-size: 1rem; margin: 16px 0 4px; }
.reading { font-size: 1.02rem; margin: 4px 0 12px; }
.chart { display: block; width: 100%; max-width: 100%; height: auto; margin: 8px 0; overflow: visible; }
.chart-dots { display: inline-block; width: auto; margin: 0; vertical-align: middle; }
.chart text { fill: var(--fg); font-family: inherit; }
.chart text.axis, .chart text.note { fill: var(--muted); }
.chart .grid { stroke: var(--rule); stroke-width: 1; }
.chart .axis-line { stroke: var(--muted); stroke-width: 1; }
.chart .cell { fill: var(--heat); }
.chart .cell.empty { fill: var(--empty); }
.chart .row.muted text.label { fill: var(--muted); text-decoration: line-through; }
.chart .row.muted .cell { fill: var(--muted); }
.chart .o-offer { fill: var(--o-offer); } .chart .o-advanced { fill: var(--o-advanced); }
.chart .o-pending { fill: var(--o-pending); } .chart .o-rejected { fill: var(--o-rejected); }
.chart .o-withdrew { fill: var(--o-withdrew); } .chart .o-ghosted { fill: var(--o-ghosted); }
.chart .o-reached { fill: var(--o-reached); }
.chart .s-prep { fill: var(--prep); } .chart .s-conf { fill: var(--conf); }
.chart .recover { fill: var(--accent); } .chart .recover-open { fill: var(--mark); }
.chart .p-done { fill: var(--p-done); } .chart .p-doing { fill: var(--p-doing); }
.chart .p-todo { fill: var(--p-todo); } .chart .p-skipped { fill: var(--p-skipped); }
.chart .line { fill: none; stroke: var(--line); stroke-width: 1.5; }
.chart .baseline { stroke: var(--muted); stroke-dasharray: 5 4; }
.chart .dot { fill: var(--line); } .chart .dot.marked { fill: var(--mark); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
th { color: var(--muted); font-weight: 600; }
table.small { width: auto; }
ul.quotes li, ul.actions li { margin: 4px 0; }
ul.actions { list-style: none; padding-left: 4px; }
.a-done { color: var(--muted); } .a-skipped { color: var(--muted); text-decoration: line-through; }
.mark { display: inline-block; width: 1.2em; }
.tag { font-size: 0.8rem; border: 1px solid var(--rule); border-radius: 4px; padding: 0 5px; color: var(--muted); }
.focus { margin-bottom: 8px; }
code { font-size: 0.9em; }
footer { margin-top: 40px; font-size: 0.85rem; }
@media print {
  :root { color-scheme: light;
    --bg: #fff; --fg: #000; --muted: #444; --rule: #bbb; --panel: #f3f3f3; --empty: #eee; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section { break-inside: avoid-page; page-break-inside: avoid; }
  table, .chart { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
