package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    private static String error(Path dir, String json) throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, json);
        try {
            Json.readObject(f);
        } catch (BadFileException e) {
            assertThat(e.getMessage()).startsWith(f.toString());
            return e.getMessage().substring(f.toString().length());
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void aDuplicateKeyIsRejectedWithItsPath(@TempDir Path tmp) throws Exception {
        assertThat(error(tmp, "{\"optimizer\": {\"learningRate\": -1,\n \"learningRate\": 0.1}}"))
                .isEqualTo(": optimizer.learningRate: the key 'learningRate' appears twice; each key may appear only once"
                        + " (line 2, column 16)");
        assertThat(error(tmp, "{\"a\": 1, \"a\": 2}")).startsWith(": a: the key 'a' appears twice");
        assertThat(error(tmp, "{\"l\": [{\"u\": 1}, {\"u\": 1, \"u\": 2}]}")).startsWith(": l[1].u: the key 'u' appears twice");
    }

    @Test
    void nanAndInfinityAreToldInOurWords(@TempDir Path tmp) throws Exception {
        assertThat(error(tmp, "{\"o\": {\"x\": NaN}}")).isEqualTo(": not valid JSON at o.x: NaN is not a number JSON allows: write a finite number"
                + " (line 1, column 16)");
        assertThat(error(tmp, "{\"x\": Infinity}")).contains("Infinity is not a number JSON allows");
        assertThat(error(tmp, "{\"x\": -Infinity}")).contains("Infinity is not a number JSON allows");
    }

    @Test
    void aSyntaxErrorInsideANestedObjectNamesLineColumnAndPath(@TempDir Path tmp) throws Exception {
        assertThat(error(tmp, "{\n  \"network\": {\n    \"hidden\": [ { \"units\": 4 \"activation\": \"relu\" } ]\n  }\n}"))
                .isEqualTo(": not valid JSON at network.hidden[0].units: expected ',' or '}' after a value, found '\"' (line 3, column 30)");
        assertThat(error(tmp, "{\"a\": {\"b\": 1,}}")).startsWith(": not valid JSON at a.b: a ',' before '}' (JSON allows no trailing comma)");
        assertThat(error(tmp, "{\"a\": [1, 2,]}")).contains("a ',' before ']'");
        assertThat(error(tmp, "{\"a\": tru}")).contains(" at a: 'tru' is not a JSON value");
        assertThat(error(tmp, "{\"a\": 1} 2")).contains("more text follows the end of the JSON value");
        assertThat(error(tmp, "{\"a\": {\"b\": 1}")).contains("the text ends before the JSON value is complete");
        assertThat(error(tmp, "{// c\n\"a\": 1}")).contains("JSON allows no comments");
        assertThat(error(tmp, "")).contains("empty");
        assertThat(error(tmp, "[1]")).isEqualTo(": expected a JSON object, got a list");
    }

    @Test
    void badBytesAreToldAsNotUtf8(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("b.json");
        Files.write(f, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'});
        assertThatThrownBy(() -> Json.readObject(f)).isInstanceOf(BadFileException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("not UTF-8");
    }
}
