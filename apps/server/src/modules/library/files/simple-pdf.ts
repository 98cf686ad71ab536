/**
 * A small PDF written by hand: one page per entry of `pages`, a coloured band with the title, and lines of text in
 * Helvetica (one of the standard fonts, so nothing is embedded). The demo attaches these to its assets, and the
 * tests upload them; they are real PDFs any viewer opens. Database-free.
 */
export interface SimplePdf {
  title: string;
  /** The text of each page, line by line (Latin-1; longer lines are cut at 90 characters). */
  pages: string[][];
  /** The band's colour, as r g b between 0 and 1. */
  color?: [number, number, number];
}

/** Characters outside Latin-1 that WinAnsiEncoding has, by their byte there (the font's encoding). */
const WIN_ANSI: Record<string, string> = { '€': '\x80', '…': '\x85', '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '•': '\x95', '–': '\x96', '—': '\x97', '™': '\x99' };

const escape = (text: string) =>
  text
    .replace(/[€…‘’“”•–—™]/g, (c) => WIN_ANSI[c]!)
    .replace(/[^\x20-\x7e\x80-\xff]/g, '?')
    .replace(/[()\\]/g, (c) => `\\${c}`)
    .slice(0, 90);

export function simplePdf({ title, pages, color = [0.11, 0.49, 0.84] }: SimplePdf): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const id = pageIds[i]!;
    const text = lines.map((line, n) => `1 0 0 1 60 ${640 - n * 20} Tm (${escape(line)}) Tj`).join(' ');
    const content =
      `${color.join(' ')} rg 0 700 612 92 re f ` +
      `BT /F1 26 Tf 1 1 1 rg 1 0 0 1 60 735 Tm (${escape(title)}) Tj ET ` +
      `BT /F1 13 Tf 0.15 0.15 0.15 rg ${text} ET ` +
      `BT /F1 9 Tf 0.5 0.5 0.5 rg 1 0 0 1 60 40 Tm (Page ${i + 1} of ${pages.length}) Tj ET`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
