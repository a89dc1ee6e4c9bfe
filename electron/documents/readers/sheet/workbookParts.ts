/**
 * Which worksheet part (xl/worksheets/….xml) is which sheet, from xl/workbook.xml and its relationships. Needed to
 * attach what the pre-scan learned about a part (row counts, merged ranges) to the sheet exceljs returns by name.
 */

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** ZIP entry name of the worksheet XML, e.g. "xl/worksheets/sheet1.xml"; null if it cannot be resolved. */
  path: string | null;
}

function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex, dec, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[named] ?? whole;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attrs) ?? new RegExp(`(?:^|\\s)${name}\\s*=\\s*'([^']*)'`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** Resolves a relationship target against xl/, handling absolute targets and "..". */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function parseSheetParts(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, resolveTarget(target));
  }
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet(?=[\s/>])([^>]*)>/g)) {
    const name = attr(m[1], 'name');
    if (name === undefined) continue;
    const relId = attr(m[1], '[\\w.-]+:id');
    const state = attr(m[1], 'state');
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      path: (relId && targets.get(relId)) ?? null,
    });
  }
  return sheets;
}
