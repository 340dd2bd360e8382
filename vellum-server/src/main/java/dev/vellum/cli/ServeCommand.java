package dev.vellum.cli;

import dev.vellum.app.Vellum;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the server (embedded SQLite in the data dir unless a database URL is set).")
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var config = ConfigOptions.resolve(spec);
        // logback reads the format when it first starts, which is after this line
        System.setProperty("VELLUM_LOG_FORMAT", config.logFormat());
        Vellum vellum = Vellum.serve(config, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vellum.close();
            stopped.countDown();
        }, "vellum-shutdown"));
        stopped.await();
        return 0;
    }
}
