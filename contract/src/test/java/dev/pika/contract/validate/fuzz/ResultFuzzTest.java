package dev.pika.contract.validate.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pika.contract.validate.DocumentKind;
import org.junit.jupiter.api.BeforeAll;

/** Fuzz target: any bytes validated as {@link DocumentKind#RESULT} give findings or a valid verdict. */
class ResultFuzzTest {
    @BeforeAll
    static void seeds() {
        FuzzSupport.seedGeneratedCorpus(ResultFuzzTest.class, "fuzz");
    }

    @FuzzTest(maxDuration = "30s") // -Djazzer.max_duration=20s or JAZZER_MAX_DURATION overrides
    void fuzz(byte[] data) {
        FuzzSupport.check(DocumentKind.RESULT, data);
    }
}
