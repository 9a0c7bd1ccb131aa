package babysitter.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.ui.chart.ChartSeries;
import babysitter.ui.chart.LineChartCanvas;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

@ExtendWith(ApplicationExtension.class)
class ChartExportTest {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void aChartBecomesAnSvgWithItsVisibleSeriesMarkersAndLegend(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("chart.svg");
        WaitForAsyncUtils.asyncFx(() -> {
            LineChartCanvas chart = new LineChartCanvas("Cost per step", "step", "cost");
            ChartSeries live = chart.addSeries("cost", Color.BLUE, 1, 1);
            ChartSeries old = chart.addSeries("", Color.GRAY, 1, 0.3);
            ChartSeries hidden = chart.addSeries("hidden", Color.RED, 1, 1);
            for (int i = 0; i < 50; i++) {
                live.data().add(i, 1.0 / (1 + i));
                old.data().add(i, 2.0 / (1 + i));
                hidden.data().add(i, 5);
            }
            hidden.setVisible(false);
            chart.addMarker(20, "α 0.01→0.003 & <more>", Color.GREEN);
            ChartExport.writeSvg(chart, file);
            return null;
        }).get(10, TimeUnit.SECONDS);
        String svg = java.nio.file.Files.readString(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(svg).contains("Cost per step").contains("cost").contains("earlier branch 1")
                .contains("α 0.01→0.003 &amp; &lt;more&gt;").doesNotContain("hidden");
    }
}
