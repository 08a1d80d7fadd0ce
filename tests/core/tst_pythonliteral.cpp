// The values an exported PyTorch script reads: every double back bit for bit, every name as
// one escaped string literal whatever it holds (quotes, backslashes, line breaks, non-ASCII,
// bytes that are not UTF-8), so nothing from a lesson becomes code.

#include "pythonliteral.h"
#include "random.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace backprop;

class TestPythonLiteral : public QObject
{
    Q_OBJECT

private slots:
    void numbersReadBackBitForBit()
    {
        Random random(42);
        for (int k = 0; k < 20000; ++k) {
            // Every exponent and sign: the raw bits of a random double, skipping NaN and ∞.
            const double value = std::bit_cast<double>(random.next());
            if (!std::isfinite(value))
                continue;
            const std::string text = PythonLiteral::number(value);
            const double back = std::strtod(text.c_str(), nullptr);
            QVERIFY2(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(value),
                     text.c_str());
        }
        QCOMPARE(PythonLiteral::number(0.15), std::string("0.15"));
        QCOMPARE(PythonLiteral::number(3.0), std::string("3.0")); // a float, not an int
        QCOMPARE(PythonLiteral::number(-0.0), std::string("-0.0"));
        QCOMPARE(PythonLiteral::number(1e-8), std::string("1e-08"));
        QCOMPARE(PythonLiteral::number(std::numeric_limits<double>::denorm_min()),
                 std::string("5e-324"));
        QCOMPARE(PythonLiteral::number(std::numeric_limits<double>::infinity()),
                 std::string("float(\"inf\")"));
        QCOMPARE(PythonLiteral::number(std::nan("")), std::string("float(\"nan\")"));
    }

    void textIsOneEscapedLiteral_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<QByteArray>("literal");
        QTest::newRow("plain") << QByteArray("w1") << QByteArray("\"w1\"");
        QTest::newRow("quote and backslash")
            << QByteArray("x\"); import os #\\") << QByteArray("\"x\\\"); import os #\\\\\"");
        QTest::newRow("line breaks")
            << QByteArray("a\nb\rc\x7f") << QByteArray("\"a\\u000ab\\u000dc\\u007f\"");
        QTest::newRow("line separator U+2028")
            << QByteArray("a\xe2\x80\xa8") << QByteArray("\"a\\u2028\"");
        QTest::newRow("non-ASCII")
            << QByteArray("é∑🙂") << QByteArray("\"\\u00e9\\u2211\\U0001f642\"");
        QTest::newRow("not UTF-8") << QByteArray("a\xff\xc3") << QByteArray("\"a\\ufffd\\ufffd\"");
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\"\\ufffd\\ufffd\"");
        QTest::newRow("surrogate")
            << QByteArray("\xed\xa0\x80") << QByteArray("\"\\ufffd\\ufffd\\ufffd\"");
        QTest::newRow("triple quotes")
            << QByteArray("'''\"\"\"") << QByteArray("\"'''\\\"\\\"\\\"\"");
    }

    void textIsOneEscapedLiteral()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(QByteArray, literal);
        const std::string written = PythonLiteral::text(utf8.toStdString());
        QCOMPARE(QByteArray::fromStdString(written), literal);
        for (char c : written)
            QVERIFY(c >= 0x20 && c < 0x7f); // printable ASCII: one line, no surprises
    }

    void lists()
    {
        Eigen::MatrixXd matrix(2, 2);
        matrix << 0.15, 0.2, 0.25, -3;
        QCOMPARE(PythonLiteral::nestedList(matrix, " "),
                 std::string("[[0.15, 0.2],\n  [0.25, -3.0]]"));
        QCOMPARE(PythonLiteral::list(std::vector<long> {2, 0, 1}), std::string("[2, 0, 1]"));
        QCOMPARE(PythonLiteral::list(std::vector<std::string> {"b1", "o\"1"}),
                 std::string("[\"b1\", \"o\\\"1\"]"));
        QCOMPARE(PythonLiteral::hexadecimal(0xabcULL), std::string("0x0000000000000abc"));
    }
};

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
