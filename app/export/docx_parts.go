package export

import (
	"strings"
	"time"
)

// The parts of a .docx besides the body: our own clean template (A4,
// Dutch, Arial, headings Word's navigation and table of contents know),
// numbering with a fresh start for every numbered list, settings that
// open in Word's current mode, and file properties from the profile.

const (
	nsW  = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlH = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	// A4 in twips, 2.5 cm margins.
	pageWidth   = 11906
	pageHeight  = 16838
	pageMargin  = 1418
	textWidthTw = pageWidth - 2*pageMargin

	docLang   = "nl-NL"
	docFont   = "Arial"
	accentHex = "1F5F8B"
	shadeHex  = "DCE6EF"
)

const contentTypesXML = xmlH + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRelsXML = xmlH + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRelsXML = xmlH + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rIdHeader2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
	`<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooter2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

// sectionXML is the page setup: A4 portrait, the title page without
// header and footer.
const sectionXML = `<w:sectPr>` +
	`<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>` +
	`<w:footerReference w:type="default" r:id="rIdFooter1"/><w:footerReference w:type="first" r:id="rIdFooter2"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/>` +
	`<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/>` +
	`<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>`

// settingsXML opens in Word's current mode (no compatibility mode), in
// Dutch, and asks Word to update the fields on opening (the page numbers
// in the table of contents).
const settingsXML = xmlH + `<w:settings ` + nsW + `>` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/><w:hyphenationZone w:val="425"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="` + docLang + `"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`

const fontTableXML = xmlH + `<w:fonts ` + nsW + `>` +
	`<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Symbol"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// styleXML is one paragraph style.
func styleXML(id, name, basedOn, next string, outline int, pPr, rPr string) string {
	var b strings.Builder
	b.WriteString(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
	if basedOn != "" {
		b.WriteString(`<w:basedOn w:val="` + basedOn + `"/>`)
	}
	if next != "" {
		b.WriteString(`<w:next w:val="` + next + `"/>`)
	}
	b.WriteString(`<w:qFormat/>`)
	if outline >= 0 {
		pPr += `<w:outlineLvl w:val="` + itoa(outline) + `"/>`
	}
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	if rPr != "" {
		b.WriteString("<w:rPr>" + rPr + "</w:rPr>")
	}
	b.WriteString("</w:style>")
	return b.String()
}

func spacing(before, after int) string {
	return `<w:spacing w:before="` + itoa(before) + `" w:after="` + itoa(after) + `"/>`
}

func size(halfPoints int) string {
	return `<w:sz w:val="` + itoa(halfPoints) + `"/><w:szCs w:val="` + itoa(halfPoints) + `"/>`
}

const accent = `<w:color w:val="` + accentHex + `"/>`

// researchIndent puts a research's paragraphs at researchLeft.
var researchIndent = `<w:ind w:left="` + itoa(researchLeft) + `"/>`

// A remark about the text is in italics, a little smaller and greyer; a
// research's text has a bar in the left margin.
const (
	asideRun      = `<w:i/><w:iCs/><w:color w:val="44546A"/>` + `<w:sz w:val="19"/><w:szCs w:val="19"/>`
	researchRule  = `<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="9FB4C7"/></w:pBdr>`
	researchLeft  = 227 // twips, the left edge of a research's text
	bulletHanging = 357 // twips, the bullet list's hanging indent
	numberHanging = 425 // twips, the numbered list's
)

// stylesXML is the template: defaults (Arial 10 pt, Dutch), the heading
// levels, title page, table of contents, lists, tables, header and footer.
var stylesXML = xmlH + `<w:styles ` + nsW + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + docFont + `" w:hAnsi="` + docFont + `" w:eastAsia="` + docFont + `" w:cs="` + docFont + `"/>` +
	size(20) + `<w:lang w:val="` + docLang + `" w:eastAsia="` + docLang + `" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>` +
	styleXML("Title", "Title", "Normal", "Subtitle", -1, spacing(2400, 240), `<w:b/><w:bCs/>`+accent+size(56)) +
	styleXML("Subtitle", "Subtitle", "Normal", "Normal", -1, spacing(0, 480), size(32)) +
	styleXML("Heading1", "heading 1", "Normal", "Normal", 0, `<w:keepNext/><w:keepLines/><w:pageBreakBefore/>`+spacing(0, 240), `<w:b/><w:bCs/>`+accent+size(32)) +
	styleXML("Heading2", "heading 2", "Normal", "Normal", 1, `<w:keepNext/><w:keepLines/>`+spacing(360, 120), `<w:b/><w:bCs/>`+accent+size(26)) +
	styleXML("Heading3", "heading 3", "Normal", "Normal", 2, `<w:keepNext/><w:keepLines/>`+spacing(240, 80), `<w:b/><w:bCs/>`+size(22)) +
	styleXML("Heading4", "heading 4", "Normal", "Normal", 3, `<w:keepNext/><w:keepLines/>`+spacing(200, 60), `<w:b/><w:bCs/><w:i/><w:iCs/>`+size(20)) +
	styleXML("TOCHeading", "TOC Heading", "Heading1", "Normal", -1, `<w:pageBreakBefore w:val="0"/><w:outlineLvl w:val="9"/>`, "") +
	styleXML("TOC1", "toc 1", "Normal", "Normal", -1, spacing(120, 40), `<w:b/><w:bCs/>`) +
	styleXML("TOC2", "toc 2", "Normal", "Normal", -1, spacing(0, 40)+`<w:ind w:left="284"/>`, "") +
	styleXML("Label", "Label", "Normal", "Normal", -1, `<w:keepNext/>`+spacing(120, 40), `<w:b/><w:bCs/>`) +
	styleXML("Aside", "Aside", "Normal", "Normal", -1, `<w:keepNext/>`+spacing(60, 80), asideRun) +
	styleXML("Herkomst", "Herkomst", "Aside", "Onderzoekstekst", -1, `<w:keepNext/>`+researchRule+spacing(60, 60)+researchIndent, "") +
	styleXML("Onderzoekstekst", "Onderzoekstekst", "Normal", "", -1, researchRule+researchIndent, "") +
	styleXML("Onderzoekslijst", "Onderzoekslijst", "ListParagraph", "", -1, researchRule, "") +
	styleXML("ListParagraph", "List Paragraph", "Normal", "", -1, spacing(0, 40)+`<w:contextualSpacing/>`, "") +
	styleXML("TableText", "Table Text", "Normal", "", -1, `<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>`, size(19)) +
	styleXML("TableLabel", "Table Label", "TableText", "", -1, `<w:keepNext/>`, `<w:b/><w:bCs/>`) +
	styleXML("TableList", "Table List", "TableText", "", -1, `<w:spacing w:before="0" w:after="20"/><w:contextualSpacing/>`, "") +
	styleXML("Meta", "Meta", "Normal", "", -1, spacing(0, 80), size(24)) +
	styleXML("Header", "header", "Normal", "", -1, `<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="`+accentHex+`"/></w:pBdr>`+
		`<w:tabs><w:tab w:val="center" w:pos="4535"/><w:tab w:val="right" w:pos="9070"/></w:tabs><w:spacing w:after="0"/>`, `<w:color w:val="595959"/>`+size(16)) +
	styleXML("Footer", "footer", "Normal", "", -1, `<w:tabs><w:tab w:val="center" w:pos="4535"/><w:tab w:val="right" w:pos="9070"/></w:tabs><w:spacing w:after="0"/><w:jc w:val="center"/>`, `<w:color w:val="595959"/>`+size(16)) +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="` + accentHex + `"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:styleId="BCPTable"><w:name w:val="BCP Table"/><w:basedOn w:val="TableNormal"/><w:tblPr>` +
	`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/><w:left w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/><w:right w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="9FB4C7"/></w:tblBorders>` +
	`<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>` +
	`</w:tblPr></w:style>` +
	`</w:styles>`

// numberingXML defines a bullet list (numId 1) and, for every numbered
// list, its own numId on the decimal definition with its start set to 1:
// that is what makes Word start each list again at 1.
func numberingXML(numbered int) string {
	var b strings.Builder
	b.WriteString(xmlH + `<w:numbering ` + nsW + `>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="` + itoa(bulletHanging) + `" w:hanging="` + itoa(bulletHanging) + `"/></w:pPr><w:rPr><w:rFonts w:ascii="` + docFont + `" w:hAnsi="` + docFont + `"/></w:rPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>` +
		`<w:pPr><w:ind w:left="` + itoa(numberHanging) + `" w:hanging="` + itoa(numberHanging) + `"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := 0; i < numbered; i++ {
		b.WriteString(`<w:num w:numId="` + itoa(i+2) + `"><w:abstractNumId w:val="1"/>` +
			`<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// headerXML runs the title left and the version right.
func headerXML(info docInfo) string {
	right := ""
	if info.Version != "" {
		right = "Versie " + info.Version
	}
	return xmlH + `<w:hdr ` + nsW + ` ` + nsR + `>` +
		paragraphXML(pPr{style: "Header"}, runXML(info.Title, "")+`<w:r><w:tab/><w:tab/></w:r>`+runXML(right, "")) + `</w:hdr>`
}

// footerXML is "Pagina x van y", counted by Word.
func footerXML() string {
	return xmlH + `<w:ftr ` + nsW + ` ` + nsR + `>` +
		paragraphXML(pPr{style: "Footer"}, runXML("Pagina ", "")+fieldXML("PAGE", "1", "")+runXML(" van ", "")+fieldXML("NUMPAGES", "1", "")) + `</w:ftr>`
}

// emptyHeaderXML and emptyFooterXML are for the title page.
const (
	emptyHeaderXML = xmlH + `<w:hdr ` + nsW + `><w:p/></w:hdr>`
	emptyFooterXML = xmlH + `<w:ftr ` + nsW + `><w:p/></w:ftr>`
)

// coreXML holds title, subject, author, language, and the profile's own
// creation and change times (left out when it has none).
func coreXML(info docInfo) string {
	var b strings.Builder
	b.WriteString(xmlH + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>` + xmlText(info.Title) + `</dc:title>`)
	b.WriteString(`<dc:subject>` + xmlText(info.Subject) + `</dc:subject>`)
	b.WriteString(`<dc:creator>` + xmlText(info.Author) + `</dc:creator>`)
	b.WriteString(`<cp:keywords>beroepscompetentieprofiel</cp:keywords>`)
	if info.Description != "" {
		b.WriteString(`<dc:description>` + xmlText(info.Description) + `</dc:description>`)
	}
	b.WriteString(`<cp:lastModifiedBy>` + xmlText(info.Author) + `</cp:lastModifiedBy>`)
	for _, t := range []struct{ name, value string }{{"created", info.Created}, {"modified", info.Modified}} {
		if ts, err := time.Parse(time.RFC3339, t.value); err == nil {
			b.WriteString(`<dcterms:` + t.name + ` xsi:type="dcterms:W3CDTF">` + ts.UTC().Format("2006-01-02T15:04:05Z") + `</dcterms:` + t.name + `>`)
		}
	}
	b.WriteString(`<dc:language>` + docLang + `</dc:language>`)
	if info.Version != "" {
		b.WriteString(`<cp:version>` + xmlText(info.Version) + `</cp:version>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// appXML names the program as the application.
func appXML() string {
	return xmlH + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Application>` + programName + `</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
		`<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
}
