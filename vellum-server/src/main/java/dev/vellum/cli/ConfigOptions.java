package dev.vellum.cli;

import dev.vellum.config.Setting;
import dev.vellum.config.Settings;
import dev.vellum.config.VellumConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Adds every setting as a flag to a command, from the single declaration in {@link Settings}. */
final class ConfigOptions {
    private ConfigOptions() {}

    static void addTo(CommandSpec spec, boolean withClient) {
        java.util.List<Setting> settings = new java.util.ArrayList<>(Settings.ALL);
        if (withClient) settings.addAll(Settings.CLIENT);
        for (Setting s : settings) {
            String def = s.defaultValue().isEmpty() ? "" : " Default: " + s.defaultValue() + ".";
            spec.addOption(OptionSpec.builder(s.flag())
                    .paramLabel("<" + s.type() + ">")
                    .type(String.class)
                    .description(s.description() + def + " Env: " + s.env() + ".")
                    .build());
        }
    }

    /** A setting's value: the flag if given, else the environment; null when neither. */
    static String value(CommandSpec spec, Setting s) {
        OptionSpec o = spec.findOption(s.flag());
        if (o != null && o.getValue() != null) return o.getValue();
        return System.getenv(s.env());
    }

    /** Flags given on the command line, over the environment, over defaults. */
    static VellumConfig resolve(CommandSpec spec) {
        Map<String, String> overrides = new HashMap<>();
        for (Setting s : Settings.ALL) {
            OptionSpec o = spec.findOption(s.flag());
            if (o != null && o.getValue() != null) overrides.put(s.env(), o.getValue());
        }
        return VellumConfig.resolve(System.getenv(), overrides);
    }
}
