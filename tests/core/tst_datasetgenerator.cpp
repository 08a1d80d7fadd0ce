// The built-in 2-D data sets: reproducible by seed, the documented shapes and ranges.

#include "datasetgenerator.h"
#include "sizelimits.h"

#include <QTest>

#include <cmath>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::DatasetShape)
Q_DECLARE_METATYPE(backprop::TargetRange)

class TestDatasetGenerator : public QObject
{
    Q_OBJECT

private slots:
    void everyShape_data()
    {
        QTest::addColumn<DatasetShape>("shape");
        QTest::addColumn<TargetRange>("range");
        for (const DatasetShape shape : datasetShapes()) {
            const QByteArray name(datasetShapeName(shape).data(),
                                  static_cast<int>(datasetShapeName(shape).size()));
            QTest::newRow(name + " 0/1") << shape << TargetRange::ZeroToOne;
            QTest::newRow(name + " -1/1") << shape << TargetRange::MinusOneToOne;
        }
    }

    void everyShape()
    {
        QFETCH(DatasetShape, shape);
        QFETCH(TargetRange, range);
        const Dataset a = generateDataset(shape, 200, 0.1, 42, range);
        QCOMPARE(a.inputs.rows(), 2);
        QCOMPARE(a.targets.rows(), 1);
        QCOMPARE(a.sampleCount(), 200);
        QVERIFY(a.inputs.allFinite());
        QVERIFY(a.targets.allFinite());
        // Reproducible by seed; another seed gives other points.
        QCOMPARE(generateDataset(shape, 200, 0.1, 42, range), a);
        QVERIFY(!(generateDataset(shape, 200, 0.1, 43, range).inputs == a.inputs));
        // Inputs in about [−1, 1]² (noise 0.1 may push a few a little past it).
        QVERIFY(a.inputs.cwiseAbs().maxCoeff() < 1.6);
        if (isClassification(shape)) {
            const double negative = range == TargetRange::ZeroToOne ? 0.0 : -1.0;
            for (Eigen::Index k = 0; k < a.sampleCount(); ++k)
                QCOMPARE(a.targets(0, k), k % 2 == 0 ? 1.0 : negative);
        } else {
            const double low = range == TargetRange::ZeroToOne ? 0.0 : -1.0;
            QVERIFY(a.targets.minCoeff() > low - 0.5);
            QVERIFY(a.targets.maxCoeff() < 1.5);
        }
    }

    void noiseFreeShapesSeparate()
    {
        // Without noise the classes lie where the documentation says.
        const Dataset circle =
            generateDataset(DatasetShape::Circle, 300, 0.0, 7, TargetRange::MinusOneToOne);
        for (Eigen::Index k = 0; k < circle.sampleCount(); ++k) {
            const double r = circle.inputs.col(k).norm();
            if (circle.targets(0, k) > 0)
                QVERIFY(r <= 0.5);
            else
                QVERIFY(r >= 0.7 && r <= 1.0);
        }
        const Dataset xorData =
            generateDataset(DatasetShape::Xor, 300, 0.0, 7, TargetRange::ZeroToOne);
        for (Eigen::Index k = 0; k < xorData.sampleCount(); ++k) {
            const double product = xorData.inputs(0, k) * xorData.inputs(1, k);
            QCOMPARE(product > 0, xorData.targets(0, k) == 1.0);
        }
        const Dataset plane =
            generateDataset(DatasetShape::Plane, 50, 0.0, 7, TargetRange::MinusOneToOne);
        for (Eigen::Index k = 0; k < plane.sampleCount(); ++k)
            QCOMPARE(plane.targets(0, k), (plane.inputs(0, k) + plane.inputs(1, k)) / 2.0);
        const Dataset sine =
            generateDataset(DatasetShape::Sine, 50, 0.0, 7, TargetRange::ZeroToOne);
        for (Eigen::Index k = 0; k < sine.sampleCount(); ++k) {
            const double x = sine.inputs(0, k), y = sine.inputs(1, k);
            const double t = std::sin(M_PI * x) * std::cos(M_PI * y / 2.0);
            QVERIFY(std::abs(sine.targets(0, k) - (t + 1.0) / 2.0) < 1e-12);
        }
    }

    void noiseMovesPoints()
    {
        const Dataset clean =
            generateDataset(DatasetShape::TwoGaussians, 100, 0.0, 3, TargetRange::ZeroToOne);
        const Dataset noisy =
            generateDataset(DatasetShape::TwoGaussians, 100, 0.3, 3, TargetRange::ZeroToOne);
        QVERIFY(!(clean.inputs == noisy.inputs));
        QCOMPARE(clean.targets, noisy.targets);
    }

    void argumentsAreClamped()
    {
        QCOMPARE(
            generateDataset(DatasetShape::Spiral, 0, 0.1, 1, TargetRange::ZeroToOne).sampleCount(),
            1);
        QCOMPARE(
            generateDataset(DatasetShape::Spiral, maxSamples + 5, 0.0, 1, TargetRange::ZeroToOne)
                .sampleCount(),
            maxSamples);
        const Dataset nanNoise =
            generateDataset(DatasetShape::Circle, 20, std::nan(""), 1, TargetRange::ZeroToOne);
        QCOMPARE(nanNoise,
                 generateDataset(DatasetShape::Circle, 20, 0.0, 1, TargetRange::ZeroToOne));
    }

    void names()
    {
        for (const DatasetShape shape : datasetShapes())
            QCOMPARE(datasetShapeFromName(datasetShapeName(shape)), shape);
        QCOMPARE(datasetShapes().size(), std::size_t(6));
        QVERIFY(!datasetShapeFromName("moons"));
    }
};

QTEST_APPLESS_MAIN(TestDatasetGenerator)
#include "tst_datasetgenerator.moc"
