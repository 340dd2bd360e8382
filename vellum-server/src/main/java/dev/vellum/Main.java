package dev.vellum;

import dev.vellum.cli.VellumCli;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = VellumCli.run(args.length == 0 ? new String[] {"--help"} : args);
        if (code != 0 || args.length == 0 || !args[0].equals("serve")) System.exit(code);
    }
}
