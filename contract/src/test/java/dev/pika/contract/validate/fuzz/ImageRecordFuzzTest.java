package dev.pika.contract.validate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pika.contract.validate.DocumentKind;
import org.junit.jupiter.api.BeforeAll;

/** Fuzz target: any bytes validated as {@link DocumentKind#IMAGE_RECORD} give findings or a valid verdict. */
class ImageRecordFuzzTest {
    @BeforeAll
    static void seeds() {
        FuzzSupport.seedGeneratedCorpus(ImageRecordFuzzTest.class, "fuzz");
    }

    @FuzzTest(maxDuration = "30s") // -Djazzer.max_duration=20s or JAZZER_MAX_DURATION overrides
    void fuzz(byte[] data) {
        FuzzSupport.check(DocumentKind.IMAGE_RECORD, data);
    }
}
