import { strToU8, zipSync } from 'fflate'

// A .docx written the way a word processor writes it, not the way the `docx` package does:
// WordprocessingML by hand with German style ids (Word in German calls "heading 1"
// "berschrift1"), a numbered list from numbering.xml, a quote style, a tracked insertion and
// deletion, a comment, a footnote, a table, and runs split in the middle of words (as editing
// leaves them). Zipped with fflate, the way any zip tool would.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`
const para = (style: string | null, body: string, extra = '') => `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extra}</w:pPr>${body}</w:p>`

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${para('Titel', run('Wohnraum für alle'))}
${para('berschrift1', run('Ausgangslage'))}
${para(null, run('Geflüchtete wohnen oft ') + run('jahre', '<w:b/>') + run('lang', '<w:b/>') + run(' in ') + run('Sammelunterkünften', '<w:i/>') + run('.') + '<w:r><w:footnoteReference w:id="1"/></w:r>')}
${para(null, run('Mehr dazu im ') + '<w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Lagebericht</w:t></w:r></w:hyperlink>' + run('.'))}
${para('berschrift2', run('Forderungen'))}
${para('Listenabsatz', run('Wohnungen statt Lager'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')}
${para('Listenabsatz', run('Beratung beim Umzug'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')}
${para(
  null,
  run('Die Kommunen ') +
    '<w:del w:id="10" w:author="Jürgen Weber" w:date="2026-11-30T10:00:00Z"><w:r><w:delText xml:space="preserve">sollten </w:delText></w:r></w:del>' +
    '<w:ins w:id="11" w:author="Jürgen Weber" w:date="2026-11-30T10:00:00Z"><w:r><w:t xml:space="preserve">müssen </w:t></w:r></w:ins>' +
    '<w:commentRangeStart w:id="0"/>' + run('handeln') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + run('.'),
)}
${para('Zitat', run('Wohnen ist ein Menschenrecht.'))}
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Landkreis</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Plätze</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
${para(null, run('Beschlossen im Plenum.'))}
<w:sectPr/></w:body></w:document>`

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
</w:styles>`

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ${W}><w:comment w:id="0" w:author="Lena Wagner" w:date="2026-11-30T11:00:00Z" w:initials="LW"><w:p><w:r><w:t>Bis wann?</w:t></w:r></w:p></w:comment></w:comments>`

const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Zahlen des Flüchtlingsrats, 2026.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdComments" Type="${REL}/comments" Target="comments.xml"/>
<Relationship Id="rIdFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="https://example.org/lagebericht" TargetMode="External"/>
</Relationships>`

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>
</Relationships>`

const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="${WML}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="${WML}.numbering+xml"/>
<Override PartName="/word/comments.xml" ContentType="${WML}.comments+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="${WML}.footnotes+xml"/>
</Types>`

/** The .docx described above. */
export function wordProcessorFile(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/document.xml': strToU8(DOCUMENT),
    'word/styles.xml': strToU8(STYLES),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/comments.xml': strToU8(COMMENTS),
    'word/footnotes.xml': strToU8(FOOTNOTES),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
  })
}
