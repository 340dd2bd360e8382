package dev.vellum.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void docsConfigurationIsTheGeneratedReference() throws Exception {
        Path doc = Path.of("..", "docs", "configuration.md");
        assertThat(Files.readString(doc))
                .as("docs/configuration.md is out of date: regenerate it with `./vellum config reference > docs/configuration.md`")
                .isEqualTo(ConfigReference.markdown());
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        VellumConfig c = VellumConfig.resolve(Map.of("VELLUM_PORT", "9000", "VELLUM_DATA_DIR", "/env"), Map.of("VELLUM_PORT", "9100"));
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.dataDir()).isEqualTo(Path.of("/env"));
        assertThat(c.rateLimitPerMinute()).isEqualTo(Integer.parseInt(Settings.RATE_LIMIT_PER_MINUTE.defaultValue()));
        assertThat(c.usesPostgres()).isFalse();
    }

    @Test
    void aBadNumberNamesTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VellumConfig.resolve(Map.of("VELLUM_PORT", "eighty"), Map.of()))
                .hasMessageContaining("VELLUM_PORT");
    }

    @Test
    void everySettingHasAUniqueEnvAndFlag() {
        assertThat(Settings.ALL.stream().map(Setting::env).distinct().count()).isEqualTo(Settings.ALL.size());
        assertThat(Settings.ALL.stream().map(Setting::flag).distinct().count()).isEqualTo(Settings.ALL.size());
        assertThat(Settings.ALL).allSatisfy(s -> assertThat(s.env()).startsWith("VELLUM_"));
    }
}
