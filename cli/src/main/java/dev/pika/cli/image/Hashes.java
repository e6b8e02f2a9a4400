package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as Incus uses it: a split image's fingerprint is {@code sha256(metadata ‖ disk)}. */
final class Hashes {
    private Hashes() {
    }

    /**
     * @param files read in order, as one stream
     * @return 64 lowercase hex digits
     * @throws UserException exit code 1 when a file cannot be read
     */
    static String sha256(Path... files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot read the image files: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return 64 lowercase hex digits of SHA-256 of the UTF-8 bytes of {@code text} */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
