package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> polylines(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<polyline points=\"([^\"]*)\"").matcher(svg);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void labelsAreEscapedAndTheResultIsWellFormedXml() throws Exception {
        String svg = new SvgChart("cost <&> \"title\"", "x & y", "a < b")
                .series("train <b>", new double[] {0, 1}, new double[] {1, 2})
                .marker(0.5, "α 0.01→0.002 & <more>")
                .toSvg();
        assertThat(svg).contains("cost &lt;&amp;&gt; &quot;title&quot;").contains("x &amp; y").contains("a &lt; b")
                .contains("train &lt;b&gt;").contains("α 0.01→0.002 &amp; &lt;more&gt;")
                .doesNotContain("<b>").doesNotContain("<more>");
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    }

    @Test
    void aKnownSeriesMapsToTheExpectedPoints() {
        // plot area: x 70..700 (630 wide), y 40..290 (250 high)
        String svg = new SvgChart("t", "x", "y").xRange(0, 10).yRange(0, 5)
                .series("s", new double[] {0, 5, 10}, new double[] {0, 5, 2.5}).toSvg();
        assertThat(polylines(svg)).containsExactly("70,290 385,40 700,165");
    }

    @Test
    void nonFiniteValuesBreakTheLine() {
        String svg = new SvgChart("t", "x", "y").xRange(0, 10).yRange(0, 5)
                .series("s", new double[] {0, 5, 10, 10}, new double[] {0, Double.NaN, 2.5, 5}).toSvg();
        assertThat(polylines(svg)).containsExactly("70,290", "700,165 700,40");
    }

    @Test
    void markersAreDrawnInsideTheRangeOnly() throws Exception {
        String svg = new SvgChart("t", "x", "y").xRange(0, 10).yRange(0, 1)
                .series("s", new double[] {0, 10}, new double[] {0, 1})
                .marker(2, "checkpoint step-2").marker(20, "far away")
                .marker(4, "a very long label that is cut short in the chart").toSvg();
        assertThat(svg).contains("<g class=\"marker\"><title>checkpoint step-2</title><line x1=\"196\"");
        assertThat(svg).doesNotContain("far away");
        // the full label is the tooltip, the drawn one is shortened
        assertThat(svg).contains("<title>a very long label that is cut short in the chart</title>")
                .contains(">a very long label that is c…</text>");
        assertThat(parse(svg).getElementsByTagNameNS("*", "line").getLength()).isGreaterThan(2);
    }

    @Test
    void logYSkipsNonPositiveValuesAndUsesDecades() {
        String svg = new SvgChart("t", "x", "y").logY(true).xRange(0, 4).yRange(0.1, 1000)
                .series("s", new double[] {0, 1, 2, 3, 4}, new double[] {1, 10, 0, -1, 100}).toSvg();
        // log10 range -1..3 over 250 px: 62.5 px a decade; x 157.5 px a unit
        assertThat(polylines(svg)).containsExactly("70,227.5 227.5,165", "700,102.5");
        assertThat(svg).contains(">0.1</text>").contains(">1e3</text>").contains("(log scale)");
    }

    @Test
    void longSeriesAreDecimatedToAtMost2000PointsKeepingSpikes() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 1000.0);
        }
        y[54_321] = 50;
        String svg = new SvgChart("t", "x", "y").series("s", x, y).toSvg();
        List<String> lines = polylines(svg);
        assertThat(lines).hasSize(1);
        String[] points = lines.get(0).split(" ");
        assertThat(points.length).isLessThanOrEqualTo(SvgChart.MAX_POINTS).isGreaterThan(500);
        // the spike is kept: some point sits at the top of the plot (y = 40 is the top, the range ends at 50)
        assertThat(lines.get(0)).containsPattern("," + "40(\\s|$)");
    }

    @Test
    void anEmptyChartIsStillWellFormed() throws Exception {
        String svg = new SvgChart("empty", "x", "y").toSvg();
        assertThat(parse(svg).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(polylines(svg)).isEmpty();
    }

    @Test
    void denseMarkerLabelsAreHorizontalAndNeverOverlapEachOtherOrALine() {
        SvgChart chart = new SvgChart("t", "x", "y").xRange(0, 100).yRange(0, 1)
                .series("s", new double[] {0, 100}, new double[] {0, 1});
        double[] xs = new double[40];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 10 + i * 1.5 + (i % 3);
            chart.marker(xs[i], "checkpoint epoch-" + (1000 + i));
        }
        String svg = chart.toSvg();
        assertThat(svg).doesNotContain("rotate(90");
        Matcher m = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"([0-9.]+)\" width=\"([0-9.]+)\" height=\"([0-9.]+)\""
                + " fill=\"#ffffff\" fill-opacity").matcher(svg);
        List<double[]> boxes = new ArrayList<>();
        while (m.find()) {
            boxes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        assertThat(boxes).isNotEmpty().hasSizeLessThan(xs.length); // some labels have no room: their tooltip stays
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = boxes.get(i);
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("labels %d and %d overlap", i, j).isFalse();
            }
            for (double x : xs) {
                double px = SvgChart.LEFT + x / 100 * (SvgChart.WIDTH - SvgChart.LEFT - SvgChart.RIGHT);
                assertThat(px > a[0] && px < a[0] + a[2]).as("line at %s crosses label %d", x, i).isFalse();
            }
        }
        assertThat(svg.split("<title>checkpoint epoch-", -1)).hasSize(xs.length + 1);
    }
}
