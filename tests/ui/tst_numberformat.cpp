// Numbers typed by the user: the locale's decimal separator and a dot are both accepted,
// anything that is not a finite double is refused; numbers shown keep their digits.

#include "numberformat.h"

#include <QTest>

#include <cmath>

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<double>("value");
        QTest::newRow("dot") << "C"
                             << "0.5" << true << 0.5;
        QTest::newRow("spaces") << "C"
                                << "  0.5 " << true << 0.5;
        QTest::newRow("negative") << "C"
                                  << "-1.25" << true << -1.25;
        QTest::newRow("minus sign") << "C"
                                    << "−1.25" << true << -1.25;
        QTest::newRow("exponent") << "C"
                                  << "1e-3" << true << 1e-3;
        QTest::newRow("integer") << "C"
                                 << "3" << true << 3.0;
        QTest::newRow("german comma") << "de_DE"
                                      << "0,5" << true << 0.5;
        QTest::newRow("german dot") << "de_DE"
                                    << "0.5" << true << 0.5;
        QTest::newRow("letters") << "C"
                                 << "abc" << false << 0.0;
        QTest::newRow("overflow") << "C"
                                  << "1e999" << false << 0.0;
        QTest::newRow("nan") << "C"
                             << "nan" << false << 0.0;
        QTest::newRow("infinity") << "C"
                                  << "inf" << false << 0.0;
        QTest::newRow("empty") << "C"
                               << "" << false << 0.0;
        QTest::newRow("blank") << "C"
                               << "   " << false << 0.0;
        QTest::newRow("two points") << "C"
                                    << "0.1.2" << false << 0.0;
        QTest::newRow("group separator") << "C"
                                         << "1,000" << false << 0.0;
        QTest::newRow("trailing garbage") << "C"
                                          << "0.5x" << false << 0.0;
    }

    void parse()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QFETCH(double, value);
        const std::optional<double> parsed = NumberFormat::parse(text, QLocale(locale));
        QCOMPARE(parsed.has_value(), accepted);
        if (accepted)
            QCOMPARE(*parsed, value);
    }

    void format_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lesson") << 0.0821670407 << 9 << "0.082167041";
        QTest::newRow("small") << 0.000438568 << 9 << "0.000438568";
        QTest::newRow("four") << 0.593269992 << 4 << "0.5933";
        QTest::newRow("negative") << -0.25 << 2 << "−0.25";
        QTest::newRow("tiny negative") << -0.00001 << 2 << "−1.0e-05";
        QTest::newRow("rounded to zero") << -0.0004 << 2 << "0.00";
        QTest::newRow("zero") << 0.0 << 4 << "0.0000";
    }

    void format()
    {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(NumberFormat::fixed(value, decimals, QLocale::c()), expected);
    }

    // Significant digits, the format of every view (View ▸ Digits).
    void significant_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("expected");
        // The article's ∂E_total/∂w1: six significant digits, not four decimals ("0.0004").
        QTest::newRow("dE/dw1 at 6") << 0.000438568 << 6 << "0.000438568";
        QTest::newRow("dE/dw1 at 3") << 0.000438568 << 3 << "0.000439";
        QTest::newRow("dE/dw5 at 6") << 0.0821670407 << 6 << "0.082167";
        QTest::newRow("dE/dw5 at 9") << 0.0821670407 << 9 << "0.0821670407";
        QTest::newRow("out_h1 at 6") << 0.593269992 << 6 << "0.59327";
        QTest::newRow("out_h1 at 9") << 0.593269992 << 9 << "0.593269992";
        QTest::newRow("w5+ at 9") << 0.35891648 << 9 << "0.35891648";
        QTest::newRow("typed value") << 0.15 << 6 << "0.15";
        QTest::newRow("integer") << 3.0 << 6 << "3";
        QTest::newRow("large") << 1234.5678 << 6 << "1234.57";
        QTest::newRow("rounds up") << 0.9999999 << 6 << "1";
        QTest::newRow("negative") << -0.0105818740 << 6 << "−0.0105819";
        QTest::newRow("zero") << 0.0 << 6 << "0";
        QTest::newRow("negative zero") << -0.0 << 6 << "0";
        // Below 10⁻⁴ the zeros would hide the digits: scientific, one format for all sizes.
        QTest::newRow("tiny") << -5.704123e-05 << 4 << "−5.704e-05";
        QTest::newRow("tiny round") << 5e-05 << 6 << "5e-05";
        QTest::newRow("huge") << 12345678.0 << 6 << "1.23457e+07";
        QTest::newRow("clamped digits") << 0.593269992 << 30 << "0.593269992";
    }

    void significant()
    {
        QFETCH(double, value);
        QFETCH(int, digits);
        QFETCH(QString, expected);
        QCOMPARE(NumberFormat::significant(value, digits, QLocale::c()), expected);
    }

    void significantUsesTheLocalesSeparator()
    {
        QCOMPARE(NumberFormat::significant(0.000438568, 6, QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("0,000438568"));
    }

    void shownFollowsTheChosenDigits()
    {
        NumberFormat::setDigits(6);
        QCOMPARE(NumberFormat::shown(0.000438568, QLocale::c()), QStringLiteral("0.000438568"));
        NumberFormat::setDigits(3);
        QCOMPARE(NumberFormat::shown(0.000438568, QLocale::c()), QStringLiteral("0.000439"));
        NumberFormat::setDigits(1); // clamped to 3
        QCOMPARE(NumberFormat::digits(), NumberFormat::minimumDigits);
        NumberFormat::setDigits(99);
        QCOMPARE(NumberFormat::digits(), NumberFormat::maximumDigits);
        NumberFormat::setDigits(NumberFormat::defaultDigits);
    }

    void shortestKeepsTypedValues()
    {
        QCOMPARE(NumberFormat::shortest(0.4, 9, QLocale::c()), QStringLiteral("0.4"));
        QCOMPARE(NumberFormat::shortest(0.35891648045, 9, QLocale::c()),
                 QStringLiteral("0.358916480"));
        QCOMPARE(NumberFormat::shortest(0.5, 9, QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("0,5"));
    }
};

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
