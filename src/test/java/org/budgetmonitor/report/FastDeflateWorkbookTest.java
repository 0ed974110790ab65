package org.budgetmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks are deflated at the fastest level, twice: SXSSF's temporary sheet files and the XLSX
 * itself. At the default level the two deflates were most of the combined workbook's time (a million
 * payment rows: 18 s for the temporary file, 23 s for the archive).
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
