package com.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vigil.model.AlarmState;
import com.vigil.model.ConnectionState;
import com.vigil.model.Quality;
import com.vigil.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string exists in both languages; no key is missing in code and none is unused. */
class BundleConsistencyTest {
    /** Keys built at run time from enum names: every constant needs its key. */
    private static final List<String> DYNAMIC = List.of("alarms.state.", "alarms.grade.", "quality.", "role.", "status.",
            "ew.origin.", "alarms.type.", "history.event.", "audit.action.", "audit.outcome.");

    private static Properties load(String name) throws IOException {
        try (InputStream in = BundleConsistencyTest.class.getResourceAsStream("/com/vigil/ui/kit/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        assertEquals(en, zh, "en and zh_CN bundles must have the same keys");
        Properties zhp = load("messages_zh_CN.properties");
        for (String k : zh) {
            assertTrue(!zhp.getProperty(k).isBlank(), "empty zh_CN text for " + k);
        }
    }

    @Test
    void enumsHaveTheirKeys() throws IOException {
        Properties en = load("messages_en.properties");
        keys(en, "alarms.state.", AlarmState.values());
        keys(en, "quality.", java.util.Arrays.stream(Quality.values()).filter(q -> q != Quality.GOOD).toArray(Enum[]::new));
        keys(en, "role.", Role.values());
        keys(en, "status.", ConnectionState.values());
        for (int g = 1; g <= 4; g++) {
            assertTrue(en.containsKey("alarms.grade." + g));
        }
        keys(en, "audit.action.", com.vigil.accounts.AuditAction.values());
        keys(en, "audit.outcome.", com.vigil.accounts.AuditOutcome.values());
        keys(en, "history.event.", com.vigil.alarm.JournalEvent.values());
        keys(en, "alarms.type.", com.vigil.alarm.AlarmType.values());
        keys(en, "ew.origin.", com.vigil.app.runtime.VigilRuntime.ModelOrigin.values());
    }

    /** Every constant has its key {@code prefix + name} (the zh bundle is checked against en elsewhere). */
    private static void keys(Properties en, String prefix, Enum<?>[] constants) {
        for (Enum<?> c : constants) {
            assertTrue(en.containsKey(prefix + c.name()), "missing " + prefix + c.name());
        }
    }

    @Test
    void everyKeyUsedInCodeExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("modules"))) {
            s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && p.toString().contains("/ui-")).forEach(sources::add);
        }
        try (Stream<Path> s = Files.walk(root.resolve("app/src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        assertTrue(sources.size() > 10, "found the UI sources under " + root);
        Pattern call = Pattern.compile("\\bt\\(\\s*\"([a-zA-Z0-9_.]+)\"");
        Pattern literal = Pattern.compile("\"([a-z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)+)\"");
        Set<String> used = new TreeSet<>();
        Set<String> called = new TreeSet<>();
        for (Path p : sources) {
            String text = Files.readString(p);
            Matcher m = call.matcher(text);
            while (m.find()) {
                called.add(m.group(1));
            }
            Matcher l = literal.matcher(text);
            while (l.find()) {
                used.add(l.group(1));
            }
        }
        for (String k : called) {
            assertTrue(keys.contains(k) || DYNAMIC.stream().anyMatch(k::startsWith), "key used in code but missing: " + k);
        }
        List<String> unused = keys.stream().filter(k -> !used.contains(k) && DYNAMIC.stream().noneMatch(k::startsWith))
                .toList();
        assertEquals(List.of(), unused, "keys in the bundles that no code uses");
    }
}
