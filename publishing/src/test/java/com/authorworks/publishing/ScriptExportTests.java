package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ScriptExportTests {

    @Test
    void finalDraftHasTypedParagraphsForEveryFountainElement() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Manuscripts.export(Manuscripts.screenplay(), Format.FDX)));
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("FinalDraft");
        assertThat(root.getAttribute("DocumentType")).isEqualTo("Script");
        List<String> typed = new ArrayList<>();
        NodeList paragraphs = ((Element) root.getElementsByTagName("Content").item(0))
                .getElementsByTagName("Paragraph");
        for (int i = 0; i < paragraphs.getLength(); i++) {
            Element p = (Element) paragraphs.item(i);
            typed.add(p.getAttribute("Type") + ": " + p.getTextContent().strip());
        }
        assertThat(typed).containsSubsequence(
                "Scene Heading: INT. DINER - NIGHT",
                "Action: Rain against the glass. MARA (30s) wipes the counter.",
                "Character: MARA",
                "Parenthetical: (without looking up)",
                "Dialogue: We're closed.",
                "Character: JOE (O.S.)",
                "Dialogue: Not for me you're not.",
                "Transition: CUT TO:",
                "Scene Heading: EXT. PARKING LOT - CONTINUOUS",
                "Action: A truck idles, lights off.");
        assertThat(document.getElementsByTagName("TitlePage").item(0).getTextContent()).contains("NIGHT SHIFT")
                .contains("Sam Script");
    }

    @Test
    void fountainExportHasATitlePageAndTheScriptAsWritten() {
        String fountain = new String(Manuscripts.export(Manuscripts.screenplay(), Format.FOUNTAIN),
                StandardCharsets.UTF_8);
        assertThat(fountain).startsWith("Title: Night Shift\nCredit: Written by\nAuthor: Sam Script\n")
                .contains("# Act One").contains("INT. DINER - NIGHT\n\nRain against the glass.");
    }

    @Test
    void proseCannotBeExportedAsAScript() {
        for (Format format : List.of(Format.FDX, Format.FOUNTAIN)) {
            assertThatThrownBy(() -> Publishing.writer(format).write(Manuscripts.novel(), new ByteArrayOutputStream()))
                    .isInstanceOf(UnsupportedExportException.class)
                    .hasMessageContaining("only available for scripts");
        }
        assertThat(Publishing.exportFormats(Form.NOVEL)).doesNotContain(Format.FDX, Format.FOUNTAIN);
        assertThat(Publishing.exportFormats(Form.SCREENPLAY)).contains(Format.FDX, Format.FOUNTAIN, Format.PDF);
    }

    @Test
    void finalDraftEscapesMarkupInDialogue() throws Exception {
        Manuscript script = new Manuscript("X", null, "Y", "en", Form.STAGE_PLAY, null, null, null, List.of(
                new Chapter("", List.of(Scene.of("INT. ROOM - DAY\n\nBOB\n<Text>&amp; \"quoted\"</Text>\n")))), false);
        byte[] fdx = Manuscripts.export(script, Format.FDX);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(fdx));
        assertThat(document.getElementsByTagName("Paragraph").item(2).getTextContent())
                .isEqualTo("<Text>&amp; \"quoted\"</Text>");
    }
}
