package nym.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The bug this pins: the OS offered one port twice in a row, and a testnet provider got it for both listeners. */
class DistinctFreePortsTest {
    @Test
    void aPortTheOsOffersAgainIsSkipped() throws IOException {
        Iterator<Integer> offers = List.of(40001, 40001, 40001, 40002, 40001, 40003).iterator();
        DistinctFreePorts ports = new DistinctFreePorts(offers::next);
        assertEquals(List.of(40001, 40002, 40003), List.of(ports.next(), ports.next(), ports.next()));
    }

    @Test
    void anOsThatOffersNothingNewEndsWithAnError() throws IOException {
        DistinctFreePorts ports = new DistinctFreePorts(() -> 40001);
        assertEquals(40001, ports.next());
        assertThrows(IOException.class, ports::next);
    }

    @Test
    void realPortsAreDistinct() throws IOException {
        DistinctFreePorts ports = new DistinctFreePorts();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertEquals(true, seen.add(ports.next()));
        }
    }
}
