package dev.couchannel.hosting.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void recognisesJpegPngAndWebpByTheirFirstBytes() {
        assertThat(ImageType.sniff(PhotoFixtures.jpeg())).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(PhotoFixtures.png())).contains(ImageType.PNG);
        assertThat(ImageType.sniff(PhotoFixtures.webp())).contains(ImageType.WEBP);
    }

    @Test
    void refusesWhatOnlyPretendsToBeAnImage() {
        assertThat(ImageType.sniff(PhotoFixtures.pdf())).isEmpty();
        assertThat(ImageType.sniff("just text in a file named photo.jpg".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a RIFF container that is not WebP (a WAV file)
        assertThat(ImageType.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        // cut short: the PNG signature needs all eight bytes
        assertThat(ImageType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void readsMediaTypesWithParametersAndAnyCase() {
        assertThat(ImageType.ofMediaType("Image/PNG; charset=binary")).contains(ImageType.PNG);
        assertThat(ImageType.ofMediaType("image/gif")).isEmpty();
    }
}
