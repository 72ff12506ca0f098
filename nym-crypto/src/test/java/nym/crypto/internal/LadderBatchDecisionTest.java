package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The group size from which a lane pass pays, given what it costs in scalar ladders. */
class LadderBatchDecisionTest {
    @Test
    void aPassPaysFromTheFirstGroupItBeats() {
        assertEquals(4, LadderBatch.laneGroupFor(3.05, 8), "eight AVX-512 lanes with C2, as measured");
        assertEquals(3, LadderBatch.laneGroupFor(2.26, 4), "four AVX2 lanes, as the review measured");
        assertEquals(4, LadderBatch.laneGroupFor(3.0, 8), "a tie is no gain");
        assertEquals(2, LadderBatch.laneGroupFor(0.5, 8), "never fewer than two pairs");
        assertEquals(8, LadderBatch.laneGroupFor(7.9, 8));
    }

    @Test
    void aPassThatNeverPaysTurnsTheLanesOff() {
        assertEquals(0, LadderBatch.laneGroupFor(8.0, 8));
        assertEquals(0, LadderBatch.laneGroupFor(280, 8), "C1 only: the Vector API is not compiled");
        assertEquals(0, LadderBatch.laneGroupFor(Double.POSITIVE_INFINITY, 8));
    }
}
