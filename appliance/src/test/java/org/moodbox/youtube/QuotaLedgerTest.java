package org.moodbox.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodbox.catalog.Catalog;
import org.moodbox.testing.MutableClock;

/** Google's quota day runs midnight to midnight Pacific time; the ledger counts it in the catalog file. */
class QuotaLedgerTest {
    @TempDir
    Path dir;

    @Test
    void theDayTurnsAtMidnightPacificStandardTimeInWinter() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-15T07:59:59Z")); // 23:59:59 PST
        try (Catalog catalog = Catalog.open(dir.resolve("c.db")); YoutubeStore store = YoutubeStore.open(catalog.file())) {
            QuotaLedger ledger = new QuotaLedger(store, clock);
            assertThat(ledger.today()).isEqualTo("2026-01-14");
            assertThat(ledger.nextReset()).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
            clock.advance(Duration.ofSeconds(1));
            assertThat(ledger.today()).isEqualTo("2026-01-15");
            assertThat(ledger.nextReset()).isEqualTo(Instant.parse("2026-01-16T08:00:00Z"));
        }
    }

    @Test
    void andAtMidnightPacificDaylightTimeInSummer() {
        MutableClock clock = new MutableClock(Instant.parse("2026-07-15T06:59:59Z")); // 23:59:59 PDT
        try (Catalog catalog = Catalog.open(dir.resolve("c.db")); YoutubeStore store = YoutubeStore.open(catalog.file())) {
            QuotaLedger ledger = new QuotaLedger(store, clock);
            assertThat(ledger.today()).isEqualTo("2026-07-14");
            assertThat(ledger.nextReset()).isEqualTo(Instant.parse("2026-07-15T07:00:00Z"));
        }
    }

    @Test
    void bookingNeverPassesTheBudgetAndSurvivesAReopen() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T18:00:00Z"));
        Path file = dir.resolve("c.db");
        try (Catalog catalog = Catalog.open(file); YoutubeStore store = YoutubeStore.open(catalog.file())) {
            QuotaLedger ledger = new QuotaLedger(store, clock);
            assertThat(ledger.book(100, 250)).isTrue();
            assertThat(ledger.book(100, 250)).isTrue();
            assertThat(ledger.book(100, 250)).as("300 > 250").isFalse();
            assertThat(ledger.usedToday()).isEqualTo(200);
        }
        try (Catalog catalog = Catalog.open(file); YoutubeStore store = YoutubeStore.open(catalog.file())) {
            QuotaLedger ledger = new QuotaLedger(store, clock);
            assertThat(ledger.usedToday()).isEqualTo(200);
            assertThat(ledger.book(100, 250)).isFalse();
            clock.set(ledger.nextReset());
            assertThat(ledger.usedToday()).isZero();
            assertThat(ledger.book(100, 250)).isTrue();
        }
    }

    @Test
    void aDayYoutubeCalledExhaustedBooksNothingMoreWhateverOurCountSays() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T18:00:00Z"));
        try (Catalog catalog = Catalog.open(dir.resolve("c.db")); YoutubeStore store = YoutubeStore.open(catalog.file())) {
            QuotaLedger ledger = new QuotaLedger(store, clock);
            ledger.book(100, 10_000);
            ledger.markExhausted();
            assertThat(ledger.exhaustedToday()).isTrue();
            assertThat(ledger.book(100, 10_000)).isFalse();
            assertThat(ledger.usedToday()).isEqualTo(100);
            clock.set(ledger.nextReset());
            assertThat(ledger.exhaustedToday()).isFalse();
            assertThat(ledger.book(100, 10_000)).isTrue();
        }
    }

    @Test
    void theStoreRefusesACatalogThatWasNeverMigrated() throws Exception {
        Path bare = dir.resolve("bare.db");
        java.sql.DriverManager.getConnection("jdbc:sqlite:" + bare).close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> YoutubeStore.open(bare))
                .hasMessageContaining("no YouTube tables");
    }
}
