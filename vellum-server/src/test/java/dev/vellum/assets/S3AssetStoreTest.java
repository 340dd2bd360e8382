package dev.vellum.assets;

import dev.vellum.config.AssetSettings;
import dev.vellum.testing.S3Proxy;
import java.util.Optional;

/** The store body against a real S3-compatible server (S3Proxy, started by the tests). */
class S3AssetStoreTest extends AssetStoreContract {
    @Override
    protected AssetStore newStore() {
        S3Proxy s3 = S3Proxy.get();
        return new S3AssetStore(new AssetSettings.S3(Optional.of(s3.endpoint()), "us-east-1", s3.newBucket(), "vellum/", true,
                Optional.of(S3Proxy.ACCESS_KEY), Optional.of(S3Proxy.SECRET_KEY)));
    }
}
