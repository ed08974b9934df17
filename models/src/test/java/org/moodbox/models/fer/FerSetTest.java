package org.moodbox.models.fer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gzip IDX reader and FER+ vote handling on small files written here, including broken ones. */
class FerSetTest {
    @TempDir
    Path dir;

    @Test
    void readsASplitWithItsFerPlusVotes() throws IOException {
        byte[] pixels = new byte[2 * 48 * 48];
        pixels[48 * 48] = 7; // first pixel of the second image
        write("fer2013_publictest_images.idx3-ubyte.gz", 0x803, pixels, 2, 48, 48);
        write("fer2013_publictest_labels.idx1-ubyte.gz", 0x801, new byte[] {3, 6}, 2);
        // row 0: 6 happiness, 4 neutral; row 1: 6 not-a-face, 4 sadness
        write("ferplus_publictest_votes.idx2-ubyte.gz", 0x802, new byte[] {4, 6, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 4, 0, 0, 0, 0, 0, 6}, 2, 10);

        FerSet set = FerSet.load(dir, FerSplit.PUBLICTEST);

        assertThat(set.count()).isEqualTo(2);
        assertThat(set.label(1)).isEqualTo(6);
        assertThat(set.image(1)[0]).isEqualTo((byte) 7);
        assertThat(set.ferPlusMajority(0)).isEqualTo(3); // happiness -> FER happy
        assertThat(set.ferPlusMajority(1)).isEqualTo(-1); // not a face: left out
        assertThat(set.ferPlusDistribution(0)).containsExactly(0f, 0f, 0f, 0.6f, 0f, 0f, 0.4f);
        assertThat(set.ferPlusDistribution(1)).containsExactly(0f, 0f, 0f, 0f, 1f, 0f, 0f);
    }

    @Test
    void votesForContemptOrUnknownOnlyGiveNoDistribution() {
        byte[] votes = {0, 0, 0, 0, 0, 0, 0, 5, 5, 0};
        assertThat(FerPlusVotes.ferDistribution(votes, 0)).isNull();
        assertThat(FerPlusVotes.majorityFerLabel(votes, 0)).isEqualTo(-1);
    }

    @Test
    void brokenFilesAreRefusedWithTheirName() throws IOException {
        Path notGzip = Files.writeString(dir.resolve("a.gz"), "plain text");
        assertThatThrownBy(() -> IdxFile.read(notGzip, 1)).hasMessageContaining("a.gz").hasMessageContaining("not a gzip file");

        Path wrongRank = write("b.gz", 0x801, new byte[] {1}, 1);
        assertThatThrownBy(() -> IdxFile.read(wrongRank, 3)).hasMessageContaining("expected 3 dimensions");

        Path truncated = write("c.gz", 0x803, new byte[10], 1, 48, 48);
        assertThatThrownBy(() -> IdxFile.read(truncated, 3)).hasMessageContaining("truncated");

        Path floats = write("d.gz", 0x0D01, new byte[4], 1);
        assertThatThrownBy(() -> IdxFile.read(floats, 1)).hasMessageContaining("not an unsigned-byte IDX file");

        Path images = write("e.gz", 0x803, new byte[48 * 48], 1, 48, 48);
        Path badLabel = write("f.gz", 0x801, new byte[] {7}, 1);
        assertThatThrownBy(() -> FerSet.fromFiles("x", images, badLabel)).hasMessageContaining("label 7 at row 0");

        assertThatThrownBy(() -> FerSet.load(dir.resolve("nowhere"), FerSplit.TRAIN))
                .hasMessageContaining("holds no FER-2013 train split");
    }

    private Path write(String name, int magic, byte[] data, int... dims) throws IOException {
        Path file = dir.resolve(name);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return file;
    }
}
