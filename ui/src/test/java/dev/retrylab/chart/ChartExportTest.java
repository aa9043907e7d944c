package dev.retrylab.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.model.ScenarioResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ChartExportTest {

    @TempDir
    Path dir;

    /** Parses an SVG file as XML (without fetching its DTD) and returns its root element. */
    static Element svgRoot(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** The number of pages of a PDF file, read by PDFBox. */
    static int pdfPages(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void png_decodesAtTheRequestedSize() throws IOException {
        Path file = dir.resolve("load.png");
        ChartExport.png(Charts.loadOverTime(SmallStorm.result()), file, 640, 360);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void svg_parsesAsXmlWithTheRequestedSize() throws Exception {
        Path file = dir.resolve("herd.svg");
        ChartExport.svg(Charts.herd(SmallStorm.result()), file, 500, 300);

        Element root = svgRoot(file);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Double.parseDouble(root.getAttribute("width"))).isEqualTo(500.0);
        assertThat(Double.parseDouble(root.getAttribute("height"))).isEqualTo(300.0);
        assertThat(Files.readString(file)).contains("small-storm: herd view", "outage api");
    }

    @Test
    void pdf_opensAsAOnePageDocumentOfTheRequestedSize() throws IOException {
        Path file = dir.resolve("comparison.pdf");
        ChartExport.pdf(Charts.comparison(SmallStorm.result()), file, 400, 300);

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(400f);
            assertThat(page.getHeight()).isEqualTo(300f);
        }
    }

    @Test
    void report_hasTheDescriptionEveryChartAndTheTables() throws IOException {
        ScenarioResult result = SmallStorm.result();
        List<NamedChart> charts = Charts.all(result);
        ReportTable table = new ReportTable("Summary", "one row per strategy", List.of("strategy", "success"),
                List.of(List.of("no-retry", "97.0% ±0.1"), List.of("immediate", "80.0% ±1.0")));
        Path file = dir.resolve("report.pdf");

        Report.of(result, charts, List.of(table)).writePdf(file, 800, 450);

        assertThat(pdfPages(file)).as("description + %d charts + the table", charts.size())
                .isEqualTo(1 + charts.size() + 1);
    }

    @Test
    void report_paragraphs_joinLinesAndKeepListItemsApart() {
        assertThat(Report.paragraphs("A first\nparagraph.\n\nThen:\n- one\n  item;\n- two.\n"))
                .containsExactly("A first paragraph.", "Then:", "- one item;", "- two.");
    }

    @Test
    void export_sameResultTwice_givesByteIdenticalPngAndSvg() throws IOException {
        // two separate runs of the same scenario and seed, each charted afresh
        ScenarioResult first = SmallStorm.run();
        ScenarioResult second = SmallStorm.run();
        ChartExport.svg(Charts.loadOverTime(first), dir.resolve("a.svg"), 400, 300);
        ChartExport.svg(Charts.loadOverTime(second), dir.resolve("b.svg"), 400, 300);
        ChartExport.png(Charts.comparison(first), dir.resolve("a.png"), 400, 300);
        ChartExport.png(Charts.comparison(second), dir.resolve("b.png"), 400, 300);

        assertThat(Files.readAllBytes(dir.resolve("a.svg"))).isEqualTo(Files.readAllBytes(dir.resolve("b.svg")));
        assertThat(Files.readAllBytes(dir.resolve("a.png"))).isEqualTo(Files.readAllBytes(dir.resolve("b.png")));
    }

    @Test
    void export_sizeOutOfRange_isRefusedAndWritesNothing() {
        Path file = dir.resolve("load.png");

        for (int[] size : new int[][] {{0, 300}, {400, 100_000}, {99, 300}, {8001, 300}}) {
            assertThatThrownBy(() -> ChartExport.png(Charts.loadOverTime(SmallStorm.result()), file, size[0], size[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 100 to 8000 pixels");
        }
        assertThat(file).doesNotExist();
    }
}
