/**
 * The report page's only style sheet, inlined into the HTML. A4 portrait with 14 mm margins
 * leaves 182 mm of printable width; the page is never wider on screen either, so what a reader
 * sees is what prints. Charts and table rows are kept whole across page breaks, the table's
 * header repeats on every page, and colours print as shown.
 *
 * @example
 * ```ts
 * `<style>${reportStyle}</style>`;
 * ```
 */
export const reportStyle = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 182mm; padding: 10mm 0;
  font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif;
  font-size: 10.5pt; line-height: 1.6; color: #1a202c; background: #fff;
}
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 17pt; line-height: 1.35; text-align: center; margin: 0 0 2mm; text-wrap: balance; }
h2 { font-size: 11.5pt; margin: 0 0 2mm; break-after: avoid; page-break-after: avoid; }
.period { text-align: center; color: #4a5568; font-size: 9pt; margin: 0 0 5mm; text-wrap: balance; }
.headline { margin: 0 0 4mm; padding: 3mm 4mm; border-left: 1.2mm solid #1d4e89; background: #f1f5fa; text-indent: 2em; }
html[lang="en"] .headline { text-indent: 0; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
.kpi { border: 0.3mm solid #cbd5e0; border-radius: 1.5mm; padding: 1.5mm 2.5mm; }
.kpi span { display: block; font-size: 8.5pt; color: #4a5568; }
.kpi b { display: block; font-size: 14pt; font-variant-numeric: tabular-nums; }
figure { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; font-family: inherit; }
.note { font-size: 8.5pt; color: #4a5568; margin: 1mm 0 0; }
section.table h2 { margin-top: 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.35; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.25mm solid #cbd5e0; padding: 1mm 1.2mm; text-align: right; }
th { background: #edf2f7; font-weight: bold; text-align: center; vertical-align: middle; }
th.name { width: 24%; }
td.name { text-align: left; overflow-wrap: anywhere; }
td.name small { color: #4a5568; margin-left: 1mm; }
tr.total td { font-weight: bold; background: #f7fafc; }
.definitions { font-size: 8.5pt; color: #4a5568; margin: 5mm 0 0; break-inside: avoid; page-break-inside: avoid; }
`;
