// The JSON parser and writer the lesson files go through (nlohmann::ordered_json; RFC 8259,
// strict, with the reader's own messages).

#include "jsontext.h"
#include "random.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace backprop;

namespace {

ordered_json parsed(std::string_view text)
{
    std::variant<ordered_json, JsonError> result = parseJson(text);
    if (const JsonError *error = std::get_if<JsonError>(&result))
        qWarning("unexpected parse error: %s", error->toString().c_str());
    return std::holds_alternative<ordered_json>(result) ? std::get<ordered_json>(result)
                                                        : ordered_json();
}

std::string written(const ordered_json &value)
{
    std::variant<std::string, JsonError> result = writeJson(value);
    if (const JsonError *error = std::get_if<JsonError>(&result))
        qWarning("unexpected write error: %s", error->toString().c_str());
    return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected"); // what write() gives, without the newline
        QTest::newRow("number") << QByteArray("  42 ") << QByteArray("42");
        QTest::newRow("negative zero") << QByteArray("-0") << QByteArray("-0");
        QTest::newRow("fraction and exponent") << QByteArray("-1.5E+2") << QByteArray("-150");
        QTest::newRow("shortest form")
            << QByteArray("0.1000000000000000055511151231257827") << QByteArray("0.1");
        QTest::newRow("underflow becomes zero") << QByteArray("1e-400") << QByteArray("0");
        QTest::newRow("literals") << QByteArray("[true,false,null]")
                                  << QByteArray("[true, false, null]");
        QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")
                                 << QByteArray("\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\"");
        QTest::newRow("\\u to UTF-8")
            << QByteArray("\"\\u00e9\\u20AC\"") << QByteArray("\"\xC3\xA9\xE2\x82\xAC\"");
        QTest::newRow("surrogate pair")
            << QByteArray("\"\\ud83d\\ude00\"") << QByteArray("\"\xF0\x9F\x98\x80\"");
        QTest::newRow("raw UTF-8 kept") << QByteArray("\"\xE2\x88\x82"
                                                      "E\"")
                                        << QByteArray("\"\xE2\x88\x82"
                                                      "E\"");
        QTest::newRow("byte order mark skipped")
            << QByteArray("\xEF\xBB\xBF[]") << QByteArray("[]");
        QTest::newRow("key order kept")
            << QByteArray("{\"z\":1,\"a\":{\"y\":[],\"b\":{}}}")
            << QByteArray("{\n  \"z\": 1,\n  \"a\": {\n    \"y\": [],\n    \"b\": {}\n  }\n}");
        QTest::newRow("matrix one row per line")
            << QByteArray("[[1,2],[3,4]]") << QByteArray("[\n  [1, 2],\n  [3, 4]\n]");
        QTest::newRow("64 levels") << QByteArray(64, '[') + QByteArray(64, ']') << QByteArray();
    }
    void valid()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        const std::variant<ordered_json, JsonError> result = parseJson(text.toStdString());
        QVERIFY(std::holds_alternative<ordered_json>(result));
        if (!expected.isEmpty())
            QCOMPARE(QByteArray::fromStdString(written(std::get<ordered_json>(result))),
                     expected + '\n');
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("empty") << QByteArray("") << 1 << 1 << "end of the text";
        QTest::newRow("truncated")
            << QByteArray("{\n  \"a\": [1,\n") << 3 << 1 << "end of the text";
        QTest::newRow("missing comma")
            << QByteArray("{\n  \"a\": 1\n  \"b\": 2}") << 3 << 3 << "expected ',' or '}'";
        QTest::newRow("trailing comma") << QByteArray("[1,]") << 1 << 4 << "expected a value";
        QTest::newRow("trailing garbage") << QByteArray("{} x") << 1 << 4 << "after the value";
        QTest::newRow("two values") << QByteArray("1 2") << 1 << 3 << "after the value";
        QTest::newRow("duplicate key")
            << QByteArray("{\"a\": 1, \"a\": 2}") << 1 << 10 << "duplicate key \"a\"";
        QTest::newRow("single quotes") << QByteArray("['a']") << 1 << 2 << "expected a value";
        QTest::newRow("key not a string")
            << QByteArray("{a: 1}") << 1 << 2 << "expected a string key";
        QTest::newRow("NaN") << QByteArray("[NaN]") << 1 << 2 << "expected a value";
        QTest::newRow("Infinity") << QByteArray("-Infinity") << 1 << 2 << "expected a digit";
        QTest::newRow("leading zero") << QByteArray("012") << 1 << 1 << "leading zeros";
        QTest::newRow("plus sign") << QByteArray("+1") << 1 << 1 << "expected a value";
        QTest::newRow("bare point") << QByteArray("1.") << 1 << 3 << "after '.'";
        QTest::newRow("hex") << QByteArray("0x10") << 1 << 2 << "after the value";
        QTest::newRow("bad literal") << QByteArray("[tru]") << 1 << 2 << "expected true";
        // Inside a string the library's words are kept, at the character it refused.
        QTest::newRow("unterminated string")
            << QByteArray("[\"abc") << 1 << 6 << "invalid string: missing closing quote";
        QTest::newRow("raw newline in string")
            << QByteArray("\"a\nb\"") << 1 << 3 << "control character U+000A (LF)";
        QTest::newRow("bad escape")
            << QByteArray("\"\\x41\"") << 1 << 3 << "forbidden character after backslash";
        QTest::newRow("short \\u") << QByteArray("\"\\u12\"") << 1 << 6 << "4 hex digits";
        QTest::newRow("lone high surrogate")
            << QByteArray("\"\\ud800x\"") << 1 << 8 << "U+D800..U+DBFF must be followed";
        QTest::newRow("lone low surrogate")
            << QByteArray("\"\\udc00\"") << 1 << 7 << "U+DC00..U+DFFF must follow";
        QTest::newRow("invalid UTF-8")
            << QByteArray("\"\xC3\x28\"") << 1 << 3 << "ill-formed UTF-8";
        QTest::newRow("overlong UTF-8")
            << QByteArray("\"\xC0\xAF\"") << 1 << 2 << "ill-formed UTF-8";
        QTest::newRow("UTF-8 surrogate")
            << QByteArray("\"\xED\xA0\x80\"") << 1 << 3 << "ill-formed UTF-8";
        QTest::newRow("column counts characters")
            << QByteArray("[\"\xC3\xA9\xC3\xA9\", x]") << 1 << 8 << "expected a value";
        // nlohmann reads a NUL as the end of the text; it is refused where it stands.
        QTest::newRow("NUL after the value")
            << QByteArray("1\0 2", 4) << 1 << 2 << "unexpected a control character after";
        QTest::newRow("NUL inside an array")
            << QByteArray("[1,\0 2]", 7) << 1 << 4 << "expected a value, found a control";
        QTest::newRow("65 levels")
            << QByteArray(65, '[') + QByteArray(65, ']') << 1 << 65 << "deeper than 64";
        QTest::newRow("deep objects")
            << QByteArray("{\"a\":").repeated(65) + "1" + QByteArray(65, '}') << 1 << 321
            << "deeper than 64";
    }
    void invalid()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, keyword);
        const std::variant<ordered_json, JsonError> result = parseJson(text.toStdString());
        QVERIFY(std::holds_alternative<JsonError>(result));
        const JsonError &error = std::get<JsonError>(result);
        QVERIFY2(QString::fromStdString(error.message).contains(keyword), error.message.c_str());
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QVERIFY(QString::fromStdString(error.toString())
                    .startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
    }

    void overflowIsInfinite()
    {
        const ordered_json value = parsed("[1e999, -1e999, 1E+400, 123e307]");
        QCOMPARE(value.size(), size_t(4));
        QCOMPARE(value[0].get<double>(), std::numeric_limits<double>::infinity());
        QCOMPARE(value[1].get<double>(), -std::numeric_limits<double>::infinity());
        QCOMPARE(value[2].get<double>(), std::numeric_limits<double>::infinity());
        QCOMPARE(value[3].get<double>(), std::numeric_limits<double>::infinity());
        // The overflowing numbers keep the positions of what follows them.
        const auto error = std::get<JsonError>(parseJson("[1e999,\n -1e999 x]"));
        QCOMPARE(error.toString(), std::string("line 2, column 9: expected ',' or ']', found 'x'"));
    }

    void seedsAreExact()
    {
        const ordered_json array = parsed("[18446744073709551615, 18446744073709551616, "
                                          "9007199254740993, 1.0, -1, 1e2, -0]");
        QCOMPARE(array[0].get<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
        QVERIFY(!array[1].is_number_unsigned()); // does not fit in 64 bits
        QCOMPARE(array[2].get<std::uint64_t>(), std::uint64_t(9007199254740993)); // 2^53 + 1
        QVERIFY(!array[3].is_number_unsigned());
        QVERIFY(!array[4].is_number_unsigned());
        QVERIFY(!array[5].is_number_unsigned());
        QVERIFY(!array[6].is_number_unsigned());
        QVERIFY(std::signbit(array[6].get<double>())); // -0 stays negative
        QCOMPARE(written(ordered_json(std::numeric_limits<std::uint64_t>::max())),
                 std::string("18446744073709551615\n"));
    }

    // Random bit patterns cover subnormals, huge and tiny exponents and every mantissa.
    void doublesRoundTripBitExact()
    {
        Random random(7);
        std::vector<double> numbers {0.1 + 0.2,
                                     1.0 / 3.0,
                                     5e-324,
                                     -0.0,
                                     std::numeric_limits<double>::max(),
                                     std::numeric_limits<double>::min()};
        while (numbers.size() < 5000) {
            const double value = std::bit_cast<double>(random.next());
            if (std::isfinite(value))
                numbers.push_back(value);
        }
        const ordered_json back = parsed(written(ordered_json(numbers)));
        QCOMPARE(back.size(), numbers.size());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            const auto expected = std::bit_cast<std::uint64_t>(numbers[i]);
            const auto actual = std::bit_cast<std::uint64_t>(back[i].get<double>());
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("element %1 changed").arg(i)));
        }
    }

    void nonFiniteCannotBeWritten_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "NaN";
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << "infinity";
        QTest::newRow("-infinity") << -std::numeric_limits<double>::infinity() << "infinity";
    }
    void nonFiniteCannotBeWritten()
    {
        QFETCH(double, value);
        QFETCH(QString, keyword);
        ordered_json layer;
        layer["weights"] = {1.0, value};
        ordered_json document;
        document["layers"] = ordered_json::array({layer});
        const std::variant<std::string, JsonError> result = writeJson(document);
        QVERIFY(std::holds_alternative<JsonError>(result));
        const QString message = QString::fromStdString(std::get<JsonError>(result).toString());
        QVERIFY2(message.startsWith("layers[0].weights[1]: "), qPrintable(message));
        QVERIFY2(message.contains(keyword), qPrintable(message));
    }

    void invalidUtf8CannotBeWritten()
    {
        const std::variant<std::string, JsonError> result =
            writeJson(ordered_json {{"name", "\xFF"}});
        QVERIFY(std::holds_alternative<JsonError>(result));
        QVERIFY(std::get<JsonError>(result).message.starts_with("name: "));
    }

    void writeThenParseIsIdentical()
    {
        const ordered_json value {
            {"text", "quote \" backslash \\ tab \t control \x01 \xE2\x88\x82"},
            {"list", {nullptr, true, false, 0, -7, 2.5}},
            {"nested", {ordered_json::array(), ordered_json::object()}}};
        QVERIFY(parsed(written(value)) == value);
        QCOMPARE(written(parsed(written(value))), written(value));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
