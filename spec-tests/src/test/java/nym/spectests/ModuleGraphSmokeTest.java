package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Black-box check of the real module descriptors, as jlink sees them: the built image's module
 * path resolves every {@code nym.*} module, no module exports an {@code internal} package, and the
 * dependency arrows of DESIGN.md point one way.
 */
class ModuleGraphSmokeTest {
    private static final List<String> LAYERS = List.of(
            "nym.crypto", "nym.sphinx", "nym.topology", "nym.traffic", "nym.provider", "nym.websocket", "nym.cli");

    @Test
    void everyModuleResolvesWithStrictExportsAndOneWayArrows() throws IOException {
        Path modules = ProjectFiles.root().resolve("nym-cli/target/modules");
        Path cliJar;
        try (Stream<Path> jars = Files.list(ProjectFiles.root().resolve("nym-cli/target"))) {
            cliJar = jars.filter(p -> p.getFileName().toString().matches("nym-cli-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("nym-cli jar not built"));
        }
        ModuleFinder finder = ModuleFinder.of(modules, cliJar);
        Configuration graph = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("nym.cli"));

        Map<String, ModuleDescriptor> ours = new TreeMap<>();
        for (ResolvedModule module : graph.modules()) {
            if (module.name().startsWith("nym.")) {
                ours.put(module.name(), module.reference().descriptor());
            }
        }
        assertEquals(Set.copyOf(LAYERS), ours.keySet(), "every nym module resolves from the image's module path");

        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor descriptor : ours.values()) {
            assertTrue(!descriptor.isAutomatic(), descriptor.name() + " must be an explicit module");
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                if (export.source().contains(".internal") && !export.isQualified()) {
                    problems.add(descriptor.name() + " exports internal package " + export.source());
                }
            }
            int level = LAYERS.indexOf(descriptor.name());
            for (ModuleDescriptor.Requires requires : descriptor.requires()) {
                int target = LAYERS.indexOf(requires.name());
                if (target >= level) {
                    problems.add(descriptor.name() + " requires " + requires.name() + ", against the arrows");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        callEntryPoints(graph);
    }

    /**
     * Loads the modules in a layer of their own, as the image runs them, calls one exported entry
     * point per protocol layer, and checks that an internal class stays out of reach.
     */
    private static void callEntryPoints(Configuration graph) {
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(graph, ClassLoader.getPlatformClassLoader());
        try {
            assertEquals("2g", call(layer, "nym.crypto", "nym.crypto.Base58", "encode", new Class<?>[] {byte[].class},
                    (Object) new byte[] {0x61}));
            Object geometry = layer.findLoader("nym.sphinx").loadClass("nym.sphinx.SphinxGeometry")
                    .getField("DEFAULT").get(null);
            assertEquals(1372, geometry.getClass().getMethod("packetLength").invoke(geometry));
            assertEquals(Boolean.TRUE, call(layer, "nym.topology", "nym.topology.Layer", "isValid",
                    new Class<?>[] {int.class}, 2));
            assertEquals("127.0.0.1:1789", call(layer, "nym.traffic", "nym.traffic.transport.NodeAddresses",
                    "formatHost", new Class<?>[] {java.net.InetSocketAddress.class},
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 1789)));
            Class<?> config = layer.findLoader("nym.websocket").loadClass("nym.websocket.WebSocketConfig");
            assertEquals(9001, config.getMethod("port").invoke(config.getMethod("defaults").invoke(null)));
            assertTrue(layer.findModule("nym.provider").orElseThrow().isExported("nym.provider.store"));

            Class<?> internal = layer.findLoader("nym.crypto").loadClass("nym.crypto.internal.MontgomeryLadder");
            assertTrue(!internal.getModule().isExported("nym.crypto.internal"));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalAccessException.class,
                    () -> internal.getMethod("multiply", byte[].class, byte[].class, byte[].class)
                            .invoke(null, new byte[32], new byte[32], new byte[32]));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("calling an exported entry point failed: " + e, e);
        }
    }

    private static Object call(ModuleLayer layer, String module, String type, String method, Class<?>[] parameters,
            Object... arguments) throws ReflectiveOperationException {
        return layer.findLoader(module).loadClass(type).getMethod(method, parameters).invoke(null, arguments);
    }
}
