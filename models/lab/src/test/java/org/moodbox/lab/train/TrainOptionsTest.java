package org.moodbox.lab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moodbox.lab.net.DcnnLayout;

class TrainOptionsTest {
    @Test
    void aRunStopsEarlyOnlyAfterPatienceEpochsWithoutABetterScore() {
        TrainOptions patient = compact(20);
        assertThat(patient.outOfPatience(39, 20)).isFalse();
        assertThat(patient.outOfPatience(40, 20)).isTrue();
        assertThat(compact(0).outOfPatience(200, 1)).as("0 never stops early").isFalse();
    }

    @Test
    void theCompactNetIsWithinTheIssuesBudget() {
        DcnnLayout layout = compact(0).layout();
        assertThat(layout.conv()).isEqualTo(DcnnLayout.ConvKind.SEPARABLE);
        assertThat(layout.parameterCount()).isBetween(150_000L, 500_000L);
        assertThat(layout.multiplyAdds()).isBetween(30_000_000L, 60_000_000L);
        assertThat(layout.layers()).filteredOn(l -> l instanceof DcnnLayout.SpatialDropout).hasSize(4);
    }

    @Test
    void unknownChoicesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new TrainOptions("8", 0f, 1, 8, 0.01f, 0f, 0f, 0.9f, 0f, 0f, 0f, 0f, 1L, 0, 0,
                "dilated", 0f, "adam", "wide", 0)).hasMessageContaining("'dilated'");
        assertThatThrownBy(() -> new TrainOptions("8", 0f, 1, 8, 0.01f, 0f, 0f, 0.9f, 0f, 0f, 0f, 0f, 1L, 0, 0,
                "plain", 0f, "rmsprop", "wide", 0)).hasMessageContaining("'rmsprop'");
        assertThatThrownBy(() -> new TrainOptions("8", 0f, 1, 8, 0.01f, 0f, 0f, 0.9f, 0f, 0f, 0f, 0f, 1L, 0, 0,
                "plain", 0f, "adam", "extreme", 0)).hasMessageContaining("'extreme'");
    }

    private static TrainOptions compact(int patience) {
        DcnnLayout c = DcnnLayout.compactV1();
        return new TrainOptions(c.stagesText(), 0f, 100, 64, 0.0035f, 1e-5f, 2f, 0.9f, 1e-4f, 0f, 0f, 1f, 1L, 0, 0,
                "separable", 0.1f, "adam", "wide", patience);
    }
}
