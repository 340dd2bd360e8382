package dev.vellum.assets;

import dev.vellum.config.AssetSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Assets in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, S3Proxy) through the AWS SDK v2.
 * A PUT is atomic on S3, so readers never see half an object; several nodes share the bucket.
 * Checksums are only sent where S3 requires them: several S3-compatible servers refuse the newer
 * trailing-checksum uploads.
 */
public final class S3AssetStore implements AssetStore {
    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3AssetStore(AssetSettings.S3 s3) {
        var b = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(s3))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64));
        s3.endpoint().ifPresent(e -> b.endpointOverride(URI.create(e)));
        this.client = b.build();
        this.bucket = s3.bucket();
        String p = s3.prefix() == null ? "" : s3.prefix().strip();
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static AwsCredentialsProvider credentials(AssetSettings.S3 s3) {
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(), s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        call(() -> client.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + key).contentType(contentType).build(),
                RequestBody.fromFile(file)));
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(client.headObject(r -> r.bucket(bucket).key(prefix + key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return OptionalLong.empty();
            throw new IOException("S3 HEAD " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 HEAD " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        GetObjectRequest.Builder r = GetObjectRequest.builder().bucket(bucket).key(prefix + key);
        if (length == 0) return InputStream.nullInputStream();
        if (offset > 0 || length > 0) r.range("bytes=" + offset + "-" + (length < 0 ? "" : Long.toString(offset + length - 1)));
        try {
            return client.getObject(r.build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("S3 GET " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> client.deleteObject(r -> r.bucket(bucket).key(prefix + key)));
    }

    @Override
    public void deletePrefix(String keyPrefix) throws IOException {
        try {
            for (S3Object o : client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + keyPrefix).build())
                    .contents()) {
                client.deleteObject(r -> r.bucket(bucket).key(o.key()));
            }
        } catch (SdkException e) {
            throw new IOException("S3 delete " + keyPrefix + "*: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3 " + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        client.close();
    }

    private static void call(Runnable r) throws IOException {
        try {
            r.run();
        } catch (SdkException e) {
            throw new IOException("S3: " + e.getMessage(), e);
        }
    }
}
