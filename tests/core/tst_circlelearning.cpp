// A 2-8-8-1 tanh network learns the built-in circle data set: the lesson the Data menu
// creates must be one a class can watch succeed.

#include "datasetlesson.h"
#include "snapshot.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::TargetRange)

class TestCircleLearning : public QObject
{
    Q_OBJECT

private slots:
    void lessonShape()
    {
        const Dataset data =
            generateDataset(DatasetShape::Circle, 200, 0.1, 5, TargetRange::MinusOneToOne);
        const Lesson lesson = datasetLesson(data, DatasetTask::Classification,
                                            TargetRange::MinusOneToOne, "circle", "Circle", 5);
        QCOMPARE(lesson.network.inputCount, 2);
        QCOMPARE(lesson.network.layerCount(), 3);
        QCOMPARE(lesson.network.layers[0].neuronCount(), 8);
        QCOMPARE(lesson.network.layers[1].neuronCount(), 8);
        QCOMPARE(lesson.network.outputCount(), 1);
        QCOMPARE(lesson.network.layers[2].activation, Activation::Tanh);
        QCOMPARE(lesson.loss, Loss::MeanSquaredError);
        QVERIFY(lesson.network.shapeError().empty());
        const Lesson sigmoid = datasetLesson(data, DatasetTask::Classification,
                                             TargetRange::ZeroToOne, "circle", "Circle", 5);
        QCOMPARE(sigmoid.network.layers[2].activation, Activation::Sigmoid);
        QCOMPARE(sigmoid.loss, Loss::BinaryCrossEntropy);
        const Lesson regression = datasetLesson(data, DatasetTask::Regression,
                                                TargetRange::MinusOneToOne, "plane", "Plane", 5);
        QCOMPARE(regression.network.layers[2].activation, Activation::Linear);
    }

    void learnsTheCircle_data()
    {
        QTest::addColumn<TargetRange>("range");
        QTest::newRow("tanh, -1/1, MSE") << TargetRange::MinusOneToOne;
        QTest::newRow("sigmoid, 0/1, BCE") << TargetRange::ZeroToOne;
    }

    void learnsTheCircle()
    {
        QFETCH(TargetRange, range);
        const Dataset data = generateDataset(DatasetShape::Circle, 200, 0.1, 11, range);
        const Lesson lesson =
            datasetLesson(data, DatasetTask::Classification, range, "circle", "Circle", 11);
        Trainer trainer;
        QCOMPARE(trainer.load(lesson), std::string());
        const double before =
            classificationAccuracy(takeSnapshot(trainer).datasetOutputs, data.targets, range);
        for (int k = 0; k < 2000; ++k) {
            trainer.runIteration();
            QVERIFY(!trainer.fault());
        }
        const Snapshot snapshot = takeSnapshot(trainer);
        const double accuracy =
            classificationAccuracy(snapshot.datasetOutputs, data.targets, range);
        qInfo("accuracy %.3f before, %.3f after 2000 iterations", before, accuracy);
        QVERIFY2(accuracy > 0.95, qPrintable(QString::number(accuracy)));
        QVERIFY(before < 0.8); // the test can fail: untrained, the network does not know the circle
    }

    void accuracyCounts()
    {
        Eigen::MatrixXd outputs(1, 4), targets(1, 4);
        outputs << 0.9, -0.2, 0.1, -0.7;
        targets << 1, -1, -1, 1;
        QCOMPARE(classificationAccuracy(outputs, targets, TargetRange::MinusOneToOne), 0.5);
        outputs << 0.9, 0.2, 0.6, 0.4;
        targets << 1, 0, 0, 1;
        QCOMPARE(classificationAccuracy(outputs, targets, TargetRange::ZeroToOne), 0.5);
        Dataset labels;
        labels.targets = targets;
        QCOMPARE(labelRangeOf(labels), TargetRange::ZeroToOne);
        labels.targets << 1, -1, 1, 1;
        QCOMPARE(labelRangeOf(labels), TargetRange::MinusOneToOne);
        labels.targets << 1, 0.5, 1, 1;
        QVERIFY(!labelRangeOf(labels));
    }
};

QTEST_APPLESS_MAIN(TestCircleLearning)
#include "tst_circlelearning.moc"
