package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * docs/sphinx.md is the prose specification of the packet format (STYLE rule 1): its geometry table
 * and its layout tables must state exactly the numbers {@link SphinxGeometry#DEFAULT} computes.
 */
class GeometryDocTest {
    private static final String DOC = "docs/sphinx.md";
    private static final SphinxGeometry G = SphinxGeometry.DEFAULT;

    /** A Markdown table: the heading it sits under, its header cells, its body rows. */
    private record Table(String heading, List<String> header, List<List<String>> rows) {}

    @Test
    void geometryTableMatchesTheDefaultGeometry() throws IOException {
        Table table = only(tables(), t -> t.header().equals(List.of("name", "bytes")), "| name | bytes |");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("packet", G.packetLength());
        expected.put("header", G.headerLength());
        expected.put("alpha", SphinxGeometry.ALPHA_LENGTH);
        expected.put("gamma", SphinxGeometry.MAC_LENGTH);
        expected.put("beta", G.betaLength());
        expected.put("payload", G.payloadLength());
        expected.put("routing block", SphinxGeometry.ROUTING_BLOCK_LENGTH);
        expected.put("final block", SphinxGeometry.FINAL_BLOCK_LENGTH);
        expected.put("header key stream", G.headerKeystreamLength());
        expected.put("max message", G.maxMessageLength());
        expected.put("max hops", G.maxHops());

        Map<String, Integer> documented = new LinkedHashMap<>();
        for (List<String> row : table.rows()) {
            assertEquals(2, row.size(), "row " + row);
            Integer previous = documented.put(row.get(0), number(row.get(1)));
            assertEquals(null, previous, "row " + row.get(0) + " appears twice");
        }
        assertEquals(expected, documented);
        assertEquals(SphinxGeometry.MAX_SUPPORTED_HOPS, documented.get("max hops"));
    }

    @Test
    void packetLayoutTableMatchesTheOffsets() throws IOException {
        Table table = layoutTable("## Packet layout", 0);
        assertLayout(table, new int[][] {
            {G.alphaOffset(), SphinxGeometry.ALPHA_LENGTH},
            {G.gammaOffset(), SphinxGeometry.MAC_LENGTH},
            {G.betaOffset(), G.betaLength()},
            {G.payloadOffset(), G.payloadLength()},
        });
    }

    @Test
    void forwardRoutingBlockTableMatchesTheOffsets() throws IOException {
        assertLayout(layoutTable("### Routing blocks", 0), new int[][] {
            {0, SphinxGeometry.FLAG_LENGTH},
            {SphinxGeometry.VERSION_OFFSET, PacketVersion.LENGTH},
            {SphinxGeometry.ADDRESS_OFFSET, NodeAddress.LENGTH},
            {SphinxGeometry.DELAY_OFFSET, Delay.LENGTH},
            {SphinxGeometry.NEXT_MAC_OFFSET, SphinxGeometry.MAC_LENGTH},
        });
    }

    @Test
    void finalRoutingBlockTableMatchesTheOffsets() throws IOException {
        Table table = layoutTable("### Routing blocks", 1);
        assertEquals(5, table.rows().size(), "final block rows");
        assertLayout(new Table(table.heading(), table.header(), table.rows().subList(0, 4)), new int[][] {
            {0, SphinxGeometry.FLAG_LENGTH},
            {SphinxGeometry.VERSION_OFFSET, PacketVersion.LENGTH},
            {SphinxGeometry.ADDRESS_OFFSET, DestinationAddress.LENGTH},
            {SphinxGeometry.IDENTIFIER_OFFSET, SurbId.LENGTH},
        });
        List<String> padding = table.rows().get(4);
        assertEquals(SphinxGeometry.FINAL_BLOCK_LENGTH, number(padding.get(1)), "padding offset");
        int oneHopPadding = G.betaLength() - SphinxGeometry.FINAL_BLOCK_LENGTH;
        String formula = oneHopPadding + " − " + SphinxGeometry.ROUTING_BLOCK_LENGTH + "·(n−1)";
        assertEquals(formula, padding.get(2), "padding length");
    }

    private static Table layoutTable(String heading, int index) throws IOException {
        List<Table> matching = new ArrayList<>();
        for (Table t : tables()) {
            if (t.heading().startsWith(heading) && t.header().equals(List.of("field", "offset", "bytes"))) {
                matching.add(t);
            }
        }
        assertTrue(matching.size() > index, DOC + " lacks layout table " + index + " under " + heading);
        return matching.get(index);
    }

    private static void assertLayout(Table table, int[][] expected) {
        assertEquals(expected.length, table.rows().size(), "rows of the table under " + table.heading());
        for (int i = 0; i < expected.length; i++) {
            List<String> row = table.rows().get(i);
            assertEquals(expected[i][0], number(row.get(1)), "offset of " + row.get(0));
            assertEquals(expected[i][1], number(row.get(2)), "length of " + row.get(0));
        }
    }

    private static Table only(List<Table> tables, java.util.function.Predicate<Table> which, String what) {
        List<Table> found = tables.stream().filter(which).toList();
        assertEquals(1, found.size(), DOC + " must have exactly one table " + what);
        return found.get(0);
    }

    private static int number(String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            return fail("not a number in " + DOC + ": '" + cell + "'");
        }
    }

    /** Every Markdown table of the document, with the last heading above it. */
    private static List<Table> tables() throws IOException {
        List<String> lines = Files.readAllLines(findDoc(), StandardCharsets.UTF_8);
        List<Table> tables = new ArrayList<>();
        String heading = "";
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                heading = line;
                i++;
            } else if (line.startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("|---")) {
                List<String> header = cells(line);
                List<List<String>> rows = new ArrayList<>();
                i += 2;
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                    rows.add(cells(lines.get(i).strip()));
                    i++;
                }
                tables.add(new Table(heading, header, rows));
            } else {
                i++;
            }
        }
        return tables;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> out = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            out.add(cell.strip());
        }
        return out;
    }

    /** Walks up from the working directory (the module under surefire) to the checkout's docs/. */
    private static Path findDoc() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOC);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return fail(DOC + " not found in " + start + " or any parent directory");
    }
}
