package com.authorworks.storage.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void directoriesAreDropped() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\me\\novel.docx")).isEqualTo("novel.docx");
    }

    @Test
    void controlAndDirectionCharactersAndLeadingDotsAreRemoved() {
        assertThat(FileNames.sanitise("cover\u202Egnp.exe")).isEqualTo("covergnp.exe");
        assertThat(FileNames.sanitise("bad\r\nname.txt")).isEqualTo("badname.txt");
        assertThat(FileNames.sanitise("..hidden")).isEqualTo("hidden");
    }

    @Test
    void nothingLeftBecomesAPlainName() {
        assertThat(FileNames.sanitise(null)).isEqualTo("file");
        assertThat(FileNames.sanitise("../..")).isEqualTo("file");
        assertThat(FileNames.sanitise("   ")).isEqualTo("file");
    }

    @Test
    void longNamesKeepTheirExtension() {
        String sanitised = FileNames.sanitise("a".repeat(400) + ".epub");

        assertThat(sanitised).hasSize(255).endsWith(".epub");
    }

    @Test
    void unicodeNamesSurvive() {
        assertThat(FileNames.sanitise("Chapitre un — été.md")).isEqualTo("Chapitre un — été.md");
    }
}
