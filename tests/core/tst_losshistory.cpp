// The engine's bounded loss history: exact while it fits, min/max buckets past that (every
// spike survives), cut and rewritten by steps back, gaps for iterations never seen, and
// memory that stops growing however many iterations are recorded.

#include "losshistory.h"

#include <QTest>

#include <cmath>
#include <limits>

using backprop::LossHistory;

class TestLossHistory : public QObject
{
    Q_OBJECT

private slots:
    void keepsEveryValueWhileItFits()
    {
        LossHistory history(8);
        for (int k = 0; k < 8; ++k)
            history.record(k, 10.0 - k);
        QCOMPARE(history.span(), 1LL);
        QCOMPARE(history.iterationCount(), 8LL);
        for (int k = 0; k < 8; ++k) {
            QVERIFY(history.hasExactValue(k));
            QCOMPARE(history.exactValue(k), 10.0 - k);
        }
        QVERIFY(!history.hasExactValue(8));
    }

    void aNewValueReplacesWhatFollowed()
    {
        LossHistory history(16);
        for (int k = 0; k < 5; ++k)
            history.record(k, 1.0 + k);
        history.record(2, 0.5); // stepped back to iteration 2 and stepped again
        QCOMPARE(history.iterationCount(), 3LL);
        QCOMPARE(history.exactValue(2), 0.5);
        QVERIFY(!history.hasExactValue(3));
        history.record(6, 0.25); // iterations 3…5 never reported: a gap, not a shift
        QCOMPARE(history.iterationCount(), 7LL);
        QVERIFY(!history.hasExactValue(4));
        QCOMPARE(history.exactValue(6), 0.25);
        history.clear();
        QCOMPARE(history.iterationCount(), 0LL);
    }

    void pastItsCapacityBucketsKeepEveryExtreme()
    {
        LossHistory history(64);
        const long long count = 100'000;
        for (long long k = 0; k < count; ++k) {
            double value = 1.0;
            if (k == 54'321)
                value = 7.0; // a one-iteration spike
            if (k == 54'322)
                value = -2.0;
            history.record(k, value);
        }
        QVERIFY(history.bucketCount() <= 64);
        QCOMPARE(history.iterationCount(), count);
        QVERIFY(history.span() >= count / 64);
        const auto columns = history.decimate(10, static_cast<double>(count), count, false);
        QCOMPARE(columns[5].high, 7.0);
        QCOMPARE(columns[5].low, -2.0);
        QCOMPARE(columns[0].low, 1.0);
        QCOMPARE(columns[0].high, 1.0);
        QCOMPARE(columns[9].high, 1.0);
        // A logarithmic axis skips values ≤ 0 but keeps the bucket's positive extreme.
        QCOMPARE(history.decimate(10, static_cast<double>(count), count, true)[5].low, 1.0);
        const LossHistory::Column extent = history.extent(count, false);
        QCOMPARE(extent.low, -2.0);
        QCOMPARE(extent.high, 7.0);
    }

    void showsOnlyTheIterationsBeforeTheMoment()
    {
        LossHistory history(32);
        for (int k = 0; k < 10; ++k)
            history.record(k, k == 8 ? 100.0 : 1.0);
        // Stepped back to iteration 5: the later values are kept for a redo, not drawn.
        QCOMPARE(history.extent(5, false).high, 1.0);
        QCOMPARE(history.extent(10, false).high, 100.0);
        const auto columns = history.decimate(5, 10.0, 5, false);
        QVERIFY(!columns[0].isEmpty);
        QVERIFY(columns[3].isEmpty);
        QVERIFY(columns[4].isEmpty);
    }

    void aGapLeavesEmptyColumns()
    {
        LossHistory history(1024);
        history.record(500, 3.0); // a lesson saved at iteration 500
        history.record(501, 2.0);
        const auto columns = history.decimate(4, 502.0, 502, false);
        QVERIFY(columns[0].isEmpty);
        QVERIFY(columns[1].isEmpty);
        QVERIFY(!columns[3].isEmpty);
        QCOMPARE(columns[3].high, 3.0);
        QCOMPARE(columns[3].low, 2.0);
        // A huge gap does not walk it iteration by iteration, nor break the bound.
        history.record(5'000'000'000LL, 1.0);
        QVERIFY(history.bucketCount() <= 1024);
        QCOMPARE(history.iterationCount(), 5'000'000'001LL);
    }

    void memoryStaysFlatForABillionIterationsShape()
    {
        LossHistory history; // the worker's default capacity
        const std::size_t bound = 2 * LossHistory::defaultCapacity * sizeof(double);
        long long k = 0;
        for (; k < 3'000'000; ++k)
            history.record(k, 1.0 / (1.0 + static_cast<double>(k)));
        QVERIFY2(history.memoryBytes() <= bound + 64 * sizeof(double),
                 qPrintable(QString::number(history.memoryBytes())));
        // While it fits: 8 bytes an iteration, not more.
        LossHistory small;
        for (long long j = 0; j < 1000; ++j)
            small.record(j, 1.0);
        QVERIFY(small.memoryBytes() <= 1024 * sizeof(double));
    }

    void truncatingACoarseBucketKeepsItsStart()
    {
        LossHistory history(4);
        for (int k = 0; k < 16; ++k)
            history.record(k, static_cast<double>(k));
        QCOMPARE(history.span(), 4LL);
        history.record(6, -1.0); // cut inside the second bucket (iterations 4…7)
        QCOMPARE(history.iterationCount(), 7LL);
        QCOMPARE(history.bucketCount(), std::size_t(2));
        QCOMPARE(history.bucket(1).low, -1.0);
        QCOMPARE(history.bucket(0).low, 0.0);
        QCOMPARE(history.bucket(0).high, 3.0);
    }

    void nonFiniteValuesAreNotDrawn()
    {
        LossHistory history(8);
        history.record(0, 1.0);
        history.record(1, std::numeric_limits<double>::infinity());
        history.record(2, 0.5);
        const LossHistory::Column extent = history.extent(3, false);
        QCOMPARE(extent.high, 1.0);
        QCOMPARE(extent.low, 0.5);
    }
};

QTEST_APPLESS_MAIN(TestLossHistory)
#include "tst_losshistory.moc"
