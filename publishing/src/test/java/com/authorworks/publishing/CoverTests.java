package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CoverTests {

    @Test
    void generatedCoverIsA1600By2560PngWithAColourFromTheTitle() throws IOException {
        Cover salt = Publishing.cover(Manuscripts.novel());
        Cover night = Publishing.cover(Manuscripts.screenplay());
        assertThat(salt.mediaType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(salt.image()));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(2560);
        BufferedImage other = ImageIO.read(new ByteArrayInputStream(night.image()));
        assertThat(image.getRGB(5, 5)).isNotEqualTo(other.getRGB(5, 5));
        assertThat(Publishing.cover(Manuscripts.novel()).image()).isEqualTo(salt.image());
    }

    @Test
    void uploadedCoverWins() {
        Cover uploaded = new Cover(new byte[] {1, 2, 3}, "image/jpeg");
        assertThat(Publishing.cover(Manuscripts.novel().withCover(uploaded))).isSameAs(uploaded);
    }
}
