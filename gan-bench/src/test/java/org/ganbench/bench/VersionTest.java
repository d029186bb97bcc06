package org.ganbench.bench;

import org.ganbench.bench.experiment.RunEnvironment;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The version that --version prints and result.json records, against the Maven project version. */
class VersionTest {

    /**
     * Returns the version that this module's pom.xml declares, or inherits from its parent when it
     * declares none. Maven runs the tests in the module's folder.
     */
    static String mavenProjectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        String own = childText(project, "version");
        if (own != null) {
            return own;
        }
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("parent")) {
                return childText(element, "version");
            }
        }
        throw new AssertionError("pom.xml declares no version and no parent");
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static String printedVersion(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, GanBench.execute(args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void versionOptionPrintsMavenVersion() throws Exception {
        String expected = "gan-bench " + mavenProjectVersion();

        assertEquals(expected, printedVersion("-V"));
        assertEquals(expected, printedVersion("reproduce", "--version"));
        assertEquals(expected, printedVersion("table", "-V"));
        assertEquals(expected, printedVersion("bench", "-V"));
    }

    @Test
    void runEnvironmentRecordsMavenVersion() throws Exception {
        assertEquals(mavenProjectVersion(), RunEnvironment.capture().libraries().get("ganBench"));
    }
}
