// CSV import: good files in both dialects, every refusal with its line, nothing imported on
// error, the size limits.

#include "csvimporter.h"
#include "sizelimits.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <string>

using namespace backprop;

namespace {
CsvImportOptions columns(std::vector<std::string> inputs, std::vector<std::string> targets,
                         CsvSeparator separator = CsvSeparator::Comma)
{
    CsvImportOptions options;
    options.inputColumns = std::move(inputs);
    options.targetColumns = std::move(targets);
    options.separator = separator;
    return options;
}

std::string errorOf(const std::variant<CsvImport, std::string> &result)
{
    if (const auto *error = std::get_if<std::string>(&result))
        return *error;
    return "(imported)";
}
} // namespace

class TestCsvImporter : public QObject
{
    Q_OBJECT

private slots:
    void goodFile()
    {
        const std::string text = "x1,x2,label\n0.5,-1,1\n2e-1, +3 ,0\n\"1.5\",0,1\n";
        const auto result = CsvImporter::importCsv(text, "data.csv", {});
        QVERIFY2(std::holds_alternative<CsvImport>(result), errorOf(result).c_str());
        const CsvImport &csv = std::get<CsvImport>(result);
        QCOMPARE(csv.inputNames, (std::vector<std::string> {"x1", "x2"}));
        QCOMPARE(csv.targetNames, (std::vector<std::string> {"label"}));
        Eigen::MatrixXd inputs(2, 3), targets(1, 3);
        inputs << 0.5, 0.2, 1.5, -1, 3, 0;
        targets << 1, 0, 1;
        QCOMPARE(csv.dataset.inputs, inputs);
        QCOMPARE(csv.dataset.targets, targets);
    }

    void chosenColumns()
    {
        // By name and by 1-based number, in the chosen order; text columns left out are not read.
        const std::string text = "name,a,b,c,d\nfirst,1,2,3,4\nsecond,5,6,7,8\n";
        const auto result = CsvImporter::importCsv(text, "t.csv", columns({"c", "2"}, {"d", "b"}));
        QVERIFY2(std::holds_alternative<CsvImport>(result), errorOf(result).c_str());
        const Dataset &data = std::get<CsvImport>(result).dataset;
        Eigen::MatrixXd inputs(2, 2), targets(2, 2);
        inputs << 3, 7, 1, 5;
        targets << 4, 8, 2, 6;
        QCOMPARE(data.inputs, inputs);
        QCOMPARE(data.targets, targets);
    }

    void lineEndingsBomQuotesAndBlankLines()
    {
        const std::string text = "\xEF\xBB\xBFx,\"t\"\r\n1,2\r\n\r\n  \r\n\"3\",\"4\"\r\n\n";
        const auto result = CsvImporter::importCsv(text, "w.csv", {});
        QVERIFY2(std::holds_alternative<CsvImport>(result), errorOf(result).c_str());
        const CsvImport &csv = std::get<CsvImport>(result);
        QCOMPARE(csv.inputNames, std::vector<std::string> {"x"});
        QCOMPARE(csv.dataset.sampleCount(), 2);
        QCOMPARE(csv.dataset.targets(0, 1), 4.0);
        // A quoted header with a separator and a quote in it (a line break in a name is
        // refused: see refused()).
        const std::string odd = "\"a,\"\"b\"\" c\",t\n1,2\n";
        const auto oddResult = CsvImporter::importCsv(odd, "o.csv", {});
        QVERIFY2(std::holds_alternative<CsvImport>(oddResult), errorOf(oddResult).c_str());
        QCOMPARE(std::get<CsvImport>(oddResult).inputNames, std::vector<std::string> {"a,\"b\" c"});
    }

    void decimalComma()
    {
        const std::string text = "x;y;t\n0,5;-1,25;1\n2;3.5;0\n";
        QCOMPARE(CsvImporter::detectSeparator(text), CsvSeparator::Semicolon);
        QCOMPARE(CsvImporter::detectSeparator("a,b\n"), CsvSeparator::Comma);
        const auto result =
            CsvImporter::importCsv(text, "de.csv", columns({}, {}, CsvSeparator::Semicolon));
        QVERIFY2(std::holds_alternative<CsvImport>(result), errorOf(result).c_str());
        const Dataset &data = std::get<CsvImport>(result).dataset;
        QCOMPARE(data.inputs(0, 0), 0.5);
        QCOMPARE(data.inputs(1, 0), -1.25);
        QCOMPARE(data.inputs(1, 1), 3.5);
        // In the comma dialect a decimal comma is a separator: the row is ragged.
        QCOMPARE(errorOf(CsvImporter::importCsv("x,t\n0,5,1\n", "c.csv", {})),
                 std::string("c.csv: line 2: 3 fields, but the header has 2"));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a number")
            << QByteArray("x1,x2,t\n1,2,3\n4,5,6\n\n1,2,3\n1,2,3\n1,abc,0\n")
            << "data.csv: line 7: column \"x2\": \"abc\" is not a number";
        QTest::newRow("empty file") << QByteArray("") << "data.csv: the file is empty";
        QTest::newRow("only blank lines") << QByteArray("\n \r\n") << "data.csv: the file is empty";
        QTest::newRow("header only")
            << QByteArray("x,t\r\n") << "data.csv: no data rows after the header";
        QTest::newRow("ragged short") << QByteArray("x,y,t\n1,2,3\n1,2\n")
                                      << "data.csv: line 3: 2 fields, but the header has 3";
        QTest::newRow("trailing separator")
            << QByteArray("x,t\n1,2,\n") << "data.csv: line 2: 3 fields, but the header has 2";
        QTest::newRow("empty field")
            << QByteArray("x,t\n,2\n") << "data.csv: line 2: column \"x\": the field is empty";
        QTest::newRow("nan") << QByteArray("x,t\nnan,2\n")
                             << "data.csv: line 2: column \"x\": \"nan\" is not a finite number";
        QTest::newRow("inf") << QByteArray("x,t\n1,-inf\n")
                             << "data.csv: line 2: column \"t\": \"-inf\" is not a finite number";
        QTest::newRow("overflow") << QByteArray(
            "x,t\n1e999,1\n") << "data.csv: line 2: column \"x\": \"1e999\" is not a finite number";
        QTest::newRow("two points") << QByteArray("x,t\n1.2.3,1\n")
                                    << "data.csv: line 2: column \"x\": \"1.2.3\" is not a number";
        QTest::newRow("hex") << QByteArray("x,t\n0x10,1\n")
                             << "data.csv: line 2: column \"x\": \"0x10\" is not a number";
        QTest::newRow("open quote")
            << QByteArray("x,t\n1,\"2\n3,4\n") << "data.csv: line 2: a quoted field is not closed";
        QTest::newRow("after quote") << QByteArray("x,t\n\"1\"2,3\n")
                                     << "data.csv: line 2: text after the closing quote of a field";
        QTest::newRow("one column") << QByteArray("t\n1\n")
                                    << "data.csv: a data set needs at least one input column and "
                                       "one target column";
        QTest::newRow("control characters quoted safely")
            << QByteArray("x,t\n\"a\tb\x01\",1\n")
            << "data.csv: line 2: column \"x\": \"a?b?\" is not a number";
        // Not UTF-8: a Latin-1 header used to import, and then no save could write it.
        QTest::newRow("Latin-1 header")
            << QByteArray("x,caf\xE9,t\n1,2,3\n")
            << "data.csv: line 1, column 6: the text is not UTF-8 (byte 0xE9); save the file as "
               "UTF-8";
        QTest::newRow("Latin-1 further down")
            << QByteArray("x,t\r\n1,2\r\n\"\xC3\xA9\xFF\",3\n")
            << "data.csv: line 3, column 3: the text is not UTF-8 (byte 0xFF); save the file as "
               "UTF-8";
        // Header names become neuron names.
        QTest::newRow("line feed in a header name")
            << QByteArray("\"w1 = 999\nfake\",t\n1,2\n")
            << "data.csv: line 1: column 1 of the header: the name \"w1 = 999?fake\" contains a "
               "control character (U+000A)";
        QTest::newRow("right-to-left override in a header name")
            << QByteArray("x,\xE2\x80\xAEt\n1,2\n")
            << "data.csv: line 1: column 2 of the header: the name \"?t\" contains a "
               "bidirectional control character (U+202E)";
        QTest::newRow("two columns of the same name")
            << QByteArray("x,x,t\n1,2,3\n")
            << "data.csv: line 1: column 2 of the header: the name \"x\" is also the name of "
               "column 1";
        QTest::newRow("a column without a name")
            << QByteArray(",x,t\n1,2,3\n")
            << "data.csv: line 1: column 1 of the header: the column has no name; name it or "
               "leave it out";
        QTest::newRow("NUL in a header name")
            << QByteArray("x\0y,t\n1,2\n", 11)
            << "data.csv: line 1: column 1 of the header: the name \"x?y\" contains a NUL "
               "character (U+0000)";
    }

    void refused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto result = CsvImporter::importCsv(text.toStdString(), "data.csv", {});
        QCOMPARE(QString::fromStdString(errorOf(result)), message);
    }

    void badColumnChoices()
    {
        const std::string text = "a,b,a,t\n1,2,3,4\n";
        QCOMPARE(errorOf(CsvImporter::importCsv(text, "f.csv", columns({"a"}, {"t"}))),
                 std::string("f.csv: the header has two columns named \"a\"; choose by number"));
        // Chosen by number, the two "a" columns would make two inputs of one name, and no
        // lesson of them could be saved.
        QCOMPARE(errorOf(CsvImporter::importCsv(text, "f.csv", columns({"1", "3"}, {"t"}))),
                 std::string("f.csv: line 1: column 3 of the header: the name \"a\" is also the "
                             "name of column 1"));
        QVERIFY(std::holds_alternative<CsvImport>(
            CsvImporter::importCsv(text, "f.csv", columns({"1", "2"}, {"t"}))));
        QCOMPARE(errorOf(CsvImporter::importCsv(text, "f.csv", columns({"zz"}, {"t"}))),
                 std::string("f.csv: there is no column \"zz\" (the header has \"a\", \"b\", "
                             "\"a\", \"t\")"));
        QCOMPARE(errorOf(CsvImporter::importCsv(text, "f.csv", columns({"b", "4"}, {"t"}))),
                 std::string("f.csv: column \"t\" is chosen twice"));
        QCOMPARE(errorOf(CsvImporter::importCsv(text, "f.csv", columns({"b"}, {"9"}))),
                 std::string("f.csv: there is no column \"9\" (the header has \"a\", \"b\", "
                             "\"a\", \"t\")"));
    }

    void longFieldIsCut()
    {
        const std::string text = "x,t\n" + std::string(100, 'z') + ",1\n";
        const std::string error = errorOf(CsvImporter::importCsv(text, "l.csv", {}));
        std::string cut(CsvImporter::quotedFieldLength, 'z');
        cut.append("…\"");
        QVERIFY(error.find(cut) != std::string::npos);
        QVERIFY(error.size() < 120);
    }

    void limits()
    {
        std::string wide;
        for (int c = 0; c <= maxNeuronsPerLayer; ++c)
            wide += "c" + std::to_string(c) + ",";
        wide += "t\n";
        for (int c = 0; c <= maxNeuronsPerLayer; ++c)
            wide += "1,";
        wide += "0\n";
        QCOMPARE(errorOf(CsvImporter::importCsv(wide, "wide.csv", {})),
                 std::string("wide.csv: at most 64 input and target columns each can be used (the "
                             "largest layer)"));

        std::string tall = "x,t\n";
        tall.reserve(static_cast<std::size_t>(maxSamples + 2) * 4);
        for (long k = 0; k < maxSamples; ++k)
            tall += "1,2\n";
        const auto atLimit = CsvImporter::importCsv(tall, "tall.csv", {});
        QVERIFY(std::holds_alternative<CsvImport>(atLimit));
        QCOMPARE(std::get<CsvImport>(atLimit).dataset.sampleCount(), maxSamples);
        tall += "1,2\n";
        QCOMPARE(errorOf(CsvImporter::importCsv(tall, "tall.csv", {})),
                 "tall.csv: line " + std::to_string(maxSamples + 2)
                     + ": more than 100000 data rows (the largest data set)");
    }

    void header()
    {
        const auto names =
            CsvImporter::header("\xEF\xBB\xBF x , \"y\" ,t\n1,2,3\n", "h.csv", CsvSeparator::Comma);
        QCOMPARE(std::get<std::vector<std::string>>(names),
                 (std::vector<std::string> {"x", "y", "t"}));
        QCOMPARE(std::get<std::string>(CsvImporter::header("", "h.csv", CsvSeparator::Comma)),
                 std::string("h.csv: the file is empty"));
        QCOMPARE(std::get<std::string>(
                     CsvImporter::header("na\xEFve,t\n", "h.csv", CsvSeparator::Comma)),
                 std::string("h.csv: line 1, column 3: the text is not UTF-8 (byte 0xEF); save "
                             "the file as UTF-8"));
    }

    void importFile()
    {
        const QString path = QDir::temp().filePath(QStringLiteral("backprop-csv-test.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x,t\n1,2\n3,4\n");
        file.close();
        const auto result = CsvImporter::importFile(path.toStdString(), {});
        QVERIFY2(std::holds_alternative<CsvImport>(result), errorOf(result).c_str());
        QCOMPARE(std::get<CsvImport>(result).dataset.sampleCount(), 2);
        QFile::remove(path);
        QVERIFY(errorOf(CsvImporter::importFile(path.toStdString(), {}))
                    .starts_with(path.toStdString() + ": cannot open the file (No such file"));
    }
};

QTEST_APPLESS_MAIN(TestCsvImporter)
#include "tst_csvimporter.moc"
