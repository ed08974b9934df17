package org.moodbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuessTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "봄날|ko", "夜に駆ける|ja", "カタオモイ|ja", "月亮代表我的心|zh", "Кино: Группа крови|ru",
            "Червона рута і ми|uk", "Ђурђевдан|sr", "Σ'αγαπώ|el", "שיר לשלום|he", "ความรัก|th",
            "तुम ही हो|hi", "حبيبي يا نور العين|ar", "دلم گرفته|fa", "Straße der Lieder|de", "Mañana|es",
            "Não sei|pt", "Cô đơn trên sofa|vi", "Szép nyári nap, ő|hu", "Řeka|cs", "Łzy|pl", "Dağlar|tr"})
    void titleScriptsAndUniqueLettersName(String title, String language) {
        LanguageGuess.Result r = LanguageGuess.of(null, title, "Someone", List.of());
        assertThat(r.language()).isEqualTo(language);
        assertThat(r.source()).isEqualTo(LanguageGuess.Source.TITLE_SCRIPT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"Yesterday", "Café del Mar", "Über Alles?", "Song 2", "Crème brûlée",
            "Blå himmel", "ça va", "!!!", "''"})
    void latinWithoutALetterOnlyOneLanguageUsesStaysUnknown(String title) {
        assertThat(LanguageGuess.of(null, title, "Beyoncé", List.of("pop")).language()).isNull();
    }

    @Test
    void genrePriorsDecideWhenTheTitleDoesNot() {
        assertThat(guess("Dynamite", "k-pop")).isEqualTo("ko");
        assertThat(guess("Lemon", "J-Pop")).isEqualTo("ja");
        assertThat(guess("La Vie en rose", "chanson")).isEqualTo("fr");
        assertThat(guess("Atemlos", "Schlager")).isEqualTo("de");
        assertThat(guess("Gasolina", "latin pop")).isEqualTo("es");
        assertThat(guess("Garota", "bossa nova")).isEqualTo("pt");
        assertThat(guess("Aguas de Marco", "MPB")).isEqualTo("pt");
        assertThat(guess("Platinum Hits", "platinum rock")).as("a word inside another word is no prior").isNull();
        assertThat(LanguageGuess.of(null, "Gasolina", "x", List.of("latin")).source())
                .isEqualTo(LanguageGuess.Source.GENRE);
    }

    @Test
    void hanWithoutKanaIsChineseUnlessTheGenreSaysJapanese() {
        assertThat(guess("東京", null)).isEqualTo("zh");
        assertThat(guess("東京", "j-rock")).isEqualTo("ja");
    }

    @Test
    void aTagWinsAndIsNormalised() {
        assertThat(LanguageGuess.of("deu", "봄날", "x", List.of("k-pop")))
                .isEqualTo(new LanguageGuess.Result("de", LanguageGuess.Source.TAG));
        assertThat(LanguageGuess.of("ger", null, null, null).language()).isEqualTo("de");
        assertThat(LanguageGuess.of("English", null, null, null).language()).isEqualTo("en");
        assertThat(LanguageGuess.of("eng; spa", null, null, null).language()).isEqualTo("en");
        assertThat(LanguageGuess.of("heb", null, null, null).language()).isEqualTo("he");
        assertThat(LanguageGuess.of("zxx", "봄날", null, null))
                .isEqualTo(new LanguageGuess.Result("instrumental", LanguageGuess.Source.INSTRUMENTAL));
        assertThat(LanguageGuess.of("und", "Yesterday", null, null).language()).as("undetermined").isNull();
        assertThat(LanguageGuess.of("xx-nonsense", "Yesterday", null, null).language()).isNull();
    }

    @Test
    void instrumentalGenresAndTheArtistsScriptAsTheLastResort() {
        assertThat(LanguageGuess.of(null, "Theme", "Band", List.of("Instrumental Rock")))
                .isEqualTo(new LanguageGuess.Result("instrumental", LanguageGuess.Source.INSTRUMENTAL));
        assertThat(LanguageGuess.of(null, "Dynamite", "방탄소년단", List.of("pop")))
                .isEqualTo(new LanguageGuess.Result("ko", LanguageGuess.Source.ARTIST_SCRIPT));
        assertThat(LanguageGuess.of(null, "Morning", "Motörhead", List.of()).language())
                .as("a diacritic in a name says nothing about the lyrics").isNull();
    }

    @Test
    void onlyRealCodesAreValid() {
        assertThat(LanguageCodes.isValid("en")).isTrue();
        assertThat(LanguageCodes.isValid("instrumental")).isTrue();
        assertThat(LanguageCodes.isValid("xx")).isFalse();
        assertThat(LanguageCodes.isValid("EN")).isFalse();
        assertThat(LanguageCodes.isValid("eng")).isFalse();
        assertThat(LanguageCodes.isValid(null)).isFalse();
    }

    private static String guess(String title, String genre) {
        return LanguageGuess.of(null, title, "x", genre == null ? List.of() : List.of(genre)).language();
    }
}
