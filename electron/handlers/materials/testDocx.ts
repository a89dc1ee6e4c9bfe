// Test support (handler tests and e2e): a small .docx the way Word writes an outline with automatic numbering, so
// 「一、」「（一）」 exist only in numbering.xml and not in the text.
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A paragraph: its text and, for a Word-numbered heading, its list level (0: 一、 1: （一） 2: 1.). */
export type DocxParagraph = string | { text: string; level: number };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function numberedDocx(paragraphs: readonly DocxParagraph[]): Promise<Uint8Array<ArrayBuffer>> {
  const body = paragraphs
    .map((p) => {
      const { text, level } = typeof p === 'string' ? { text: p, level: null } : p;
      const numPr = level === null ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
      return `<w:p>${numPr}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const levels = [
    ['chineseCounting', '%1、'],
    ['chineseCounting', '（%2）'],
    ['decimal', '%3.'],
    ['decimal', '（%4）'],
  ]
    .map(([fmt, text], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`)
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
