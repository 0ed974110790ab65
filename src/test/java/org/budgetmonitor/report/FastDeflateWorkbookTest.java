package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetmonitor.spending.FlaggedPaymentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks are deflated at the fastest level, twice: SXSSF's temporary sheet files and the XLSX
 * itself. At the default level the two deflates were most of the combined workbook's time (a million
 * payment rows: 18 s for the temporary file, 23 s for the archive). A workbook known to be small (a
 * unit's) spills to plain temporary files: deflating and inflating them again cost more than they save.
 */
class FastDeflateWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void deflatesTheWorkbooksEntriesAtTheFastestLevelAndKeepsTheirContent() throws IOException {
        Path fast = dir.resolve("fast.xlsx");
        Path usual = dir.resolve("usual.xlsx");
        try (SXSSFWorkbook workbook = new FastDeflateWorkbook(50); OutputStream out = Files.newOutputStream(fast)) {
            rows(workbook);
            workbook.write(out);
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(50); OutputStream out = Files.newOutputStream(usual)) {
            workbook.setCompressTempFiles(true);
            rows(workbook);
            workbook.write(out);
        }
        try (ZipFile fastZip = new ZipFile(fast.toFile()); ZipFile usualZip = new ZipFile(usual.toFile())) {
            ZipEntry sheet = fastZip.getEntry("xl/worksheets/sheet1.xml");
            byte[] xml = fastZip.getInputStream(sheet).readAllBytes();
            assertThat(xml).isEqualTo(usualZip.getInputStream(usualZip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes());
            assertThat(sheet.getCompressedSize()).isEqualTo(deflatedSize(xml, Deflater.BEST_SPEED))
                    .isGreaterThan(usualZip.getEntry("xl/worksheets/sheet1.xml").getCompressedSize());
        }
        try (XSSFWorkbook read = new XSSFWorkbook(fast.toFile().getPath())) {
            assertThat(read.getSheetAt(0).getRow(1999).getCell(1).getStringCellValue()).isEqualTo("项目1999 付款 1999");
            assertThat(read.getSheetAt(0).getRow(1999).getCell(2).getNumericCellValue()).isEqualTo(1999.25);
        }
    }

    @Test
    void deflatesTheTemporarySheetFileAtTheFastestLevel() throws IOException {
        byte[] xml = xml();
        Path file = dir.resolve("sheet.xml.gz");
        try (OutputStream out = FastDeflateWorkbook.fastGzip(new FileOutputStream(file.toFile()))) {
            out.write(xml);
        }
        assertThat(Files.size(file)).isEqualTo(gzippedSize(xml, Deflater.BEST_SPEED))
                .isGreaterThan(gzippedSize(xml, Deflater.DEFAULT_COMPRESSION));
    }

    @Test
    void theVarianceWorkbookIsWrittenAtTheFastestLevel() throws IOException {
        RenderedReport report = RenderedReport.render(ReportFixtures.sample(), "zh", dir.resolve("sample"));
        try (ZipFile zip = new ZipFile(report.xlsx.toFile())) {
            ZipEntry table = zip.getEntry("xl/worksheets/sheet2.xml");
            byte[] xml = zip.getInputStream(table).readAllBytes();
            assertThat(table.getCompressedSize()).isEqualTo(deflatedSize(xml, Deflater.BEST_SPEED));
        }
    }

    @Test
    void aSmallWorkbooksTemporaryFileIsPlainALargeOnesGzippedWithTheSameCellsInTheWorkbook() throws IOException {
        Spilled small = write("small", OptionalLong.of(2000));
        Spilled large = write("large", OptionalLong.of(FastDeflateWorkbook.PLAIN_TEMP_FILES_MAX_ROWS + 1));
        Spilled unknown = write("unknown", OptionalLong.empty());

        assertThat(small.start()).startsWith((byte) '<');
        assertThat(large.start()).startsWith(GZIP_MAGIC);
        assertThat(unknown.start()).startsWith(GZIP_MAGIC);
        assertThat(cells(small.xlsx())).hasSize(3 * 2000).contains("1999:1 项目1999 付款 1999", "1999:2 1999.25")
                .isEqualTo(cells(large.xlsx())).isEqualTo(cells(unknown.xlsx()));
    }

    @Test
    void aWorkbookOfPaymentsCountedBeforeWritingSpillsToPlainFilesOneOfUncountedPaymentsToGzippedOnes()
            throws IOException {
        ReportFixtures fixtures = ReportFixtures.sample();
        ReportText text = ReportText.forLanguage("zh");
        VarianceReport report = fixtures.reports(text).get(0);
        WorkbookDetails uncounted = fixtures.workbookDetails();
        long payments = countOf(uncounted.payments(), report.asOf());
        WorkbookDetails counted = uncounted.withPayments(new FlaggedPaymentSource() {
            @Override
            public List<Project> projects(LocalDate asOf) {
                return uncounted.payments().projects(asOf);
            }

            @Override
            public void forEach(LocalDate asOf, Consumer<Payment> sink) {
                uncounted.payments().forEach(asOf, sink);
            }

            @Override
            public OptionalLong paymentCount(LocalDate asOf) {
                return OptionalLong.of(payments);
            }
        });
        Path plain = dir.resolve("counted.xlsx");
        Path gzipped = dir.resolve("uncounted.xlsx");
        ReportRenderer renderer = new ReportRenderer(new JasperTemplates());

        List<String> plainFiles = temporaryFiles(() -> renderer.writeXlsx(report, text, plain, counted));
        List<String> gzippedFiles = temporaryFiles(() -> renderer.writeXlsx(report, text, gzipped, uncounted));

        assertThat(payments).isPositive();
        assertThat(plainFiles).hasSizeGreaterThan(3).allMatch(name -> name.endsWith(".xml"));
        assertThat(gzippedFiles).hasSameSizeAs(plainFiles).allMatch(name -> name.endsWith(".gz"));
        assertThat(cells(plain)).contains("1:0:1 项目编码").anyMatch(cell -> cell.contains(" PZ-2026-"))
                .isEqualTo(cells(gzipped));
    }

    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    /** A workbook of {@link #rows} and how its sheet's temporary file began while the rows were written. */
    private record Spilled(Path xlsx, byte[] start) {
    }

    private Spilled write(String name, OptionalLong rows) throws IOException {
        Path temporary = Files.createDirectories(dir.resolve(name + "-tmp"));
        Path xlsx = dir.resolve(name + ".xlsx");
        return TempFile.withStrategy(new DefaultTempFileCreationStrategy(temporary.toFile()), () -> {
            try (SXSSFWorkbook workbook = new FastDeflateWorkbook(50, rows); OutputStream out = Files.newOutputStream(xlsx)) {
                rows(workbook); // all but the last 50 rows flushed to the temporary file by now
                byte[] start;
                try (Stream<Path> files = Files.list(temporary); InputStream in = Files.newInputStream(
                        files.filter(Files::isRegularFile).findFirst().orElseThrow())) {
                    start = in.readNBytes(2);
                }
                workbook.write(out);
                return new Spilled(xlsx, start);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The names of the temporary sheet files POI makes on this thread while {@code writing} runs. */
    private static List<String> temporaryFiles(IoAction writing) throws IOException {
        List<String> names = new ArrayList<>();
        TempFileCreationStrategy usual = new DefaultTempFileCreationStrategy();
        TempFileCreationStrategy recording = new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                File file = usual.createTempFile(prefix, suffix);
                if (prefix.startsWith("poi-sxssf-sheet")) { // not the workbook's template
                    names.add(file.getName());
                }
                return file;
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return usual.createTempDirectory(prefix);
            }
        };
        TempFile.withStrategy(recording, () -> {
            try {
                writing.run();
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return names;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Every cell of every sheet as "sheet:row:column value" (the first sheet's without the sheet). */
    private static List<String> cells(Path xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile().getPath())) {
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                String sheet = s == 0 ? "" : s + ":";
                for (Row row : workbook.getSheetAt(s)) {
                    for (Cell cell : row) {
                        cells.add(sheet + row.getRowNum() + ":" + cell.getColumnIndex() + " "
                                + (cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula()
                                        : format.formatCellValue(cell)));
                    }
                }
            }
        }
        return cells;
    }

    private static long countOf(FlaggedPaymentSource source, LocalDate asOf) {
        long[] n = {0};
        source.forEach(asOf, payment -> n[0]++);
        return n[0];
    }

    private static void rows(SXSSFWorkbook workbook) {
        SXSSFSheet sheet = workbook.createSheet("支付明细");
        for (int r = 0; r < 2000; r++) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue("P" + (r % 37));
            row.createCell(1).setCellValue("项目" + r + " 付款 " + r);
            row.createCell(2).setCellValue(r + 0.25);
        }
    }

    private static byte[] xml() {
        StringBuilder xml = new StringBuilder();
        for (int r = 0; r < 5000; r++) {
            xml.append("<row r=\"").append(r).append("\"><c t=\"inlineStr\"><is><t>项目").append(r % 97)
                    .append("</t></is></c><c><v>").append(r * 3.5).append("</v></c></row>");
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long deflatedSize(byte[] data, int level) throws IOException {
        Deflater deflater = new Deflater(level, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return bytes.size();
    }

    private static long gzippedSize(byte[] data, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
            {
                def.setLevel(level);
            }
        }) {
            out.write(data);
        }
        return bytes.size();
    }
}
