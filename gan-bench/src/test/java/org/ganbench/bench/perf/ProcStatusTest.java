package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9020412 kB
            VmHWM:\t  303468 kB
            VmRSS:\t  250000 kB
            Threads:\t42
            """;

    @Test
    void parseReadsResidentAndPeak() {
        ProcStatus status = ProcStatus.parse(STATUS);

        assertEquals(250000, status.residentKib());
        assertEquals(303468, status.peakResidentKib());
    }

    @Test
    void mebibytesDivideBy1024() {
        ProcStatus status = new ProcStatus(2048, 3072);

        assertEquals(2.0, status.residentMib());
        assertEquals(3.0, status.peakResidentMib());
    }

    @Test
    void missingFieldRejected() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ProcStatus.parse("Name:\tjava\nVmRSS:\t 12 kB\n"));

        assertTrue(error.getMessage().contains("no VmHWM line"), error.getMessage());
    }

    @Test
    void malformedFieldRejected() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ProcStatus.parse("VmRSS:\t many kB\nVmHWM:\t 12 kB\n"));

        assertTrue(error.getMessage().contains("malformed VmRSS"), error.getMessage());
    }

    @Test
    void readSelfGivesPeakAtLeastResident() {
        ProcStatus status = ProcStatus.readSelf();

        assertTrue(status.residentKib() > 0, "VmRSS " + status.residentKib());
        assertTrue(status.peakResidentKib() >= status.residentKib(), status.toString());
    }
}
