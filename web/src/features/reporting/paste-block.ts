/** An element as the paste reader matches it: by code or either name. */
export type PasteElement = { code: string; nameZh: string; nameEn: string };
export type PasteResult = { values: Record<string, number | null>; problems: string[] };

const parseNumber = (cell: string): number | null | undefined => {
  const s = cell.replace(/[,，\s]/g, '').replace(/^\((.*)\)$/, '-$1');
  if (s === '' || s === '-') return null;
  const n = Number(s.endsWith('%') ? s.slice(0, -1) : s);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * Reads a block pasted from Excel (tab-separated lines) into the entry grid. A line that starts with
 * an element's code or name sets that element from its first number; otherwise the values fill the
 * grid downwards from the row pasted into (a single line of several cells fills downwards too).
 * Cells that are not numbers are reported as "row:column" and skipped.
 */
export function readPastedBlock(text: string, elements: PasteElement[], startIndex: number): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const values: Record<string, number | null> = {};
  const problems: string[] = [];
  const byName = new Map<string, string>();
  for (const e of elements) for (const key of [e.code, e.nameZh, e.nameEn]) byName.set(key.trim().toLowerCase(), e.code);
  const cellsOf = lines.map((l) => l.split('\t'));
  const isSingleRow = cellsOf.length === 1 && (cellsOf[0]?.length ?? 0) > 1 && !byName.has((cellsOf[0]?.[0] ?? '').trim().toLowerCase());
  const sequence = isSingleRow ? (cellsOf[0] ?? []).map((c) => [c]) : cellsOf;
  let index = startIndex;
  sequence.forEach((cells, row) => {
    const named = byName.get((cells[0] ?? '').trim().toLowerCase());
    if (named && cells.length > 1) {
      const rest = cells.slice(1);
      const column = rest.findIndex((c) => parseNumber(c) !== undefined && c.trim() !== '');
      const value = column >= 0 ? parseNumber(rest[column] as string) : parseNumber(rest[0] ?? '');
      if (value === undefined) problems.push(`${row + 1}:2`);
      else values[named] = value;
      return;
    }
    const element = elements[index];
    index++;
    if (!element) return;
    const value = parseNumber(cells[cells.length - 1] ?? '');
    if (value === undefined) problems.push(`${row + 1}:${cells.length}`);
    else values[element.code] = value;
  });
  return { values, problems };
}
