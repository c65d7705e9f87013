import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, ImageRun } from 'docx'

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** A Word file like one a person writes: a title, headings, emphasis, a link, lists, a table and an image. */
export async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Sprachkurse für alle')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Ausgangslage')] }),
          new Paragraph({
            children: [
              new TextRun('Viele Geflüchtete warten '),
              new TextRun({ text: 'monatelang', bold: true }),
              new TextRun(' auf einen '),
              new TextRun({ text: 'Integrationskurs', italics: true }),
              new TextRun('. Quelle: '),
              new ExternalHyperlink({ link: 'https://example.org/bericht', children: [new TextRun({ text: 'Bericht', style: 'Hyperlink' })] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Forderungen')] }),
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun('Kurse ab dem ersten Tag')] }),
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun('Kinderbetreuung während der Kurse')] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Tabellenzelle')] })] })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
          new Paragraph('Schluss.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
