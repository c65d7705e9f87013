import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx'
import { childrenOf, hasMark, headingLevel, linkOf, type PmNode } from './content-walk.ts'

export interface DocxHeader {
  /** The alliance's name, at the top of every page. */
  alliance: string
  /** The first paragraph (style Title); an import takes it as the title again. */
  title: string
  /** The second line of the page header: version, date and checksum. */
  pageHeader: string
  creator: string
  language: string
}

const ORDERED = 'sprachrohr-ordered'
const QUOTE_STYLE = 'Quote'
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

interface Where {
  /** Nesting depth inside lists (0 = not in a list). */
  listLevel: number
  list: { kind: 'bullet' } | { kind: 'ordered'; instance: number } | null
  quote: boolean
}

/** Walks the text once; `instances` numbers each ordered list, so every list counts from its own start. */
class DocxWriter {
  readonly paragraphs: Paragraph[] = []
  private instances = 0

  blocks(nodes: PmNode[], where: Where): void {
    for (const node of nodes) this.block(node, where)
  }

  private block(node: PmNode, where: Where): void {
    switch (node.type) {
      case 'paragraph':
        this.paragraphs.push(new Paragraph({ ...this.placement(where), children: runs(childrenOf(node)) }))
        return
      case 'heading':
        this.paragraphs.push(new Paragraph({ heading: HEADINGS[headingLevel(node) - 1], children: runs(childrenOf(node)) }))
        return
      case 'horizontalRule':
        this.paragraphs.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }))
        return
      case 'blockquote':
        this.blocks(childrenOf(node), { ...where, quote: true })
        return
      case 'bulletList':
        for (const item of childrenOf(node)) this.listItem(item, { ...where, listLevel: where.listLevel + 1, list: { kind: 'bullet' } })
        return
      case 'orderedList': {
        const instance = ++this.instances
        for (const item of childrenOf(node)) this.listItem(item, { ...where, listLevel: where.listLevel + 1, list: { kind: 'ordered', instance } })
        return
      }
      default:
        this.blocks(childrenOf(node), where)
    }
  }

  /** A list item's first paragraph carries the bullet or number; the rest are indented under it. */
  private listItem(item: PmNode, where: Where): void {
    childrenOf(item).forEach((child, i) => {
      if (i === 0 && child.type === 'paragraph') {
        this.paragraphs.push(new Paragraph({ ...this.placement(where), children: runs(childrenOf(child)) }))
      } else this.block(child, i === 0 ? where : { ...where, list: null })
    })
  }

  private placement(where: Where): IParagraphOptions {
    const level = Math.min(Math.max(where.listLevel - 1, 0), 8)
    const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {}
    if (where.quote) options.style = QUOTE_STYLE
    if (where.list?.kind === 'bullet') options.bullet = { level }
    else if (where.list?.kind === 'ordered') options.numbering = { reference: ORDERED, level, instance: where.list.instance }
    else if (where.listLevel > 0) options.indent = { left: 720 * where.listLevel }
    return options
  }
}

function runs(nodes: PmNode[]): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      out.push(new TextRun({ text: '', break: 1 }))
      continue
    }
    if (node.type !== 'text' || typeof node.text !== 'string') continue
    const href = linkOf(node)
    const run = new TextRun({
      text: node.text,
      bold: hasMark(node, 'bold') || undefined,
      italics: hasMark(node, 'italic') || undefined,
      style: href ? 'Hyperlink' : undefined,
    })
    out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run)
  }
  return out
}

/**
 * A position's text as a Word document (.docx): the title, then the text; the alliance and the
 * version's checksum in the header of every page (so the body re-imports as exactly the text).
 */
export async function toDocx(content: unknown, header: DocxHeader): Promise<Buffer> {
  const writer = new DocxWriter()
  writer.blocks(childrenOf(content as PmNode), { listLevel: 0, list: null, quote: false })
  const doc = new Document({
    creator: header.creator,
    title: header.title,
    description: header.pageHeader,
    styles: {
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: QUOTE_STYLE,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: header.alliance, bold: true })] }),
              new Paragraph({ children: [new TextRun({ text: header.pageHeader, size: 16 })] }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(header.title)] }),
          ...writer.paragraphs,
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
