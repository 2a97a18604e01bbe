/** A GitHub-flavoured markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `n/total (p%)`, the form every rate in the report takes: a rate without its denominator is not shown. */
export function ratio(count: number, total: number): string {
  if (total === 0) return '0/0';
  return `${count}/${total} (${((100 * count) / total).toFixed(1)}%)`;
}
