// The network editor: the size limits are refused with a message and change nothing, every
// change is undoable in the dialog, and the edited lesson keeps the names and weights of
// the neurons that are still there.

#include "lessonlibrary.h"
#include "networkbuilder.h"
#include "networkeditordialog.h"
#include "sizelimits.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace backprop;

class TestNetworkEditorDialog : public QObject
{
    Q_OBJECT

private:
    static Lesson xorLesson() { return std::get<Lesson>(LessonLibrary::load("xor")); }

    // The seed field: the dialog's one line edit that is not a spin box's own.
    static QLineEdit *seedField(const NetworkEditorDialog &dialog)
    {
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (!qobject_cast<QAbstractSpinBox *>(edit->parent()))
                return edit;
        }
        return nullptr;
    }

private slots:
    void refuses65Neurons()
    {
        NetworkEditorDialog dialog(xorLesson());
        const NetworkDesign before = dialog.design();
        QVERIFY(!dialog.setNeuronCount(0, maxNeuronsPerLayer + 1));
        QVERIFY2(dialog.message().contains("65 neurons are more than the 64"),
                 qPrintable(dialog.message()));
        QVERIFY(dialog.design() == before);
        QCOMPARE(dialog.undoStack()->count(), 0);
        QVERIFY(dialog.setNeuronCount(0, maxNeuronsPerLayer)); // the limit itself is fine
        QVERIFY(dialog.message().isEmpty());
    }

    void refuses65NeuronsTypedInTheSpinBox()
    {
        NetworkEditorDialog dialog(xorLesson());
        dialog.show();
        QSpinBox *neurons = dialog.findChild<QSpinBox *>();
        QVERIFY(neurons);
        neurons->setFocus();
        neurons->selectAll();
        QTest::keyClicks(neurons, "65");
        QTest::keyClick(neurons, Qt::Key_Return);
        QVERIFY2(dialog.message().contains("64"), qPrintable(dialog.message()));
        QCOMPARE(dialog.design().layers[0].neurons, 2);
        QCOMPARE(neurons->value(), 2); // the control shows the design again
    }

    // The seed field (the editor's one free-text number): anything but a whole number from 0
    // to 2⁶⁴ − 1 is refused with a message, changes nothing and puts the old seed back.
    void refusesBadSeeds_data()
    {
        QTest::addColumn<QString>("typed");
        for (const char *bad : {"", "seven", "-1", "-0.5", "1e308", "inf", "-inf", "nan", "2.5",
                                "18446744073709551616"})
            QTest::newRow(*bad ? bad : "empty") << QString::fromLatin1(bad);
    }

    void refusesBadSeeds()
    {
        QFETCH(QString, typed);
        NetworkEditorDialog dialog(xorLesson());
        dialog.show();
        QLineEdit *seed = seedField(dialog);
        QVERIFY(seed);
        const NetworkDesign before = dialog.design();
        const QString shown = seed->text();
        seed->setFocus();
        seed->selectAll();
        QTest::keyClick(seed, Qt::Key_Backspace);
        QTest::keyClicks(seed, typed);
        QTest::keyClick(seed, Qt::Key_Return);
        QVERIFY2(dialog.message().contains("whole number"), qPrintable(dialog.message()));
        QVERIFY(dialog.design() == before);
        QCOMPARE(dialog.undoStack()->count(), 0);
        QCOMPARE(seed->text(), shown);
    }

    void acceptsTheLargestSeed()
    {
        NetworkEditorDialog dialog(xorLesson());
        dialog.show();
        QLineEdit *seed = seedField(dialog);
        seed->setFocus();
        seed->selectAll();
        QTest::keyClick(seed, Qt::Key_Backspace);
        QTest::keyClicks(seed, "18446744073709551615");
        QTest::keyClick(seed, Qt::Key_Return);
        QVERIFY(dialog.message().isEmpty());
        QCOMPARE(dialog.design().seed, std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(dialog.undoStack()->count(), 1);
    }

    void refusesNineHiddenLayers()
    {
        NetworkEditorDialog dialog(xorLesson());
        QElapsedTimer clock;
        clock.start();
        while (dialog.design().hiddenLayerCount() < maxHiddenLayers)
            QVERIFY(dialog.addHiddenLayer());
        const NetworkDesign eight = dialog.design();
        QVERIFY(!dialog.addHiddenLayer());
        QVERIFY2(dialog.message().contains("at most 8 hidden layers"),
                 qPrintable(dialog.message()));
        QVERIFY(dialog.design() == eight);
        QVERIFY(clock.elapsed() < 5000); // refused, not frozen
        // Eight layers of 64 still build.
        for (int l = 0; l < maxHiddenLayers; ++l)
            QVERIFY(dialog.setNeuronCount(l, maxNeuronsPerLayer));
        QVERIFY(std::holds_alternative<Lesson>(dialog.editedLesson()));
    }

    void everyChangeIsUndoable()
    {
        NetworkEditorDialog dialog(xorLesson());
        const NetworkDesign start = dialog.design();
        QVERIFY(dialog.setNeuronCount(0, 5));
        QVERIFY(dialog.addHiddenLayer());
        QVERIFY(dialog.setActivation(0, Activation::Tanh));
        QVERIFY(dialog.setBiasMode(BiasMode::SharedPerLayer));
        QVERIFY(dialog.setSeed(42));
        QCOMPARE(dialog.undoStack()->count(), 5);
        for (int k = 0; k < 5; ++k)
            dialog.undoStack()->undo();
        QVERIFY(dialog.design() == start);
        dialog.undoStack()->redo();
        QCOMPARE(dialog.design().layers[0].neurons, 5);
    }

    void softmaxBringsItsLoss()
    {
        NetworkEditorDialog dialog(xorLesson());
        QVERIFY(!dialog.setActivation(0, Activation::Softmax)); // a hidden layer
        QVERIFY(dialog.message().contains("softmax"));
        QVERIFY(dialog.setActivation(1, Activation::Softmax));
        QCOMPARE(dialog.design().loss, Loss::CategoricalCrossEntropy);
        QVERIFY(!dialog.setLoss(Loss::HalfSquaredError));
    }

    // With BACKPROP_UI_SCREENSHOT_DIR set, saves the dialog as the README shows it.
    void screenshot()
    {
        const QString folder = qEnvironmentVariable("BACKPROP_UI_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("BACKPROP_UI_SCREENSHOT_DIR is not set");
        NetworkEditorDialog dialog(xorLesson());
        QVERIFY(dialog.setNeuronCount(0, 3));
        QVERIFY(dialog.addHiddenLayer());
        QVERIFY(!dialog.setNeuronCount(1, 65));
        dialog.resize(640, 420);
        dialog.show();
        QVERIFY(dialog.grab().save(folder + "/editor.png"));
    }

    // Issue 17, item 11: the title no longer names a network that is gone.
    void theTitleSaysTheNetworkWasEdited()
    {
        const Lesson lesson = std::get<Lesson>(LessonLibrary::load("two-two-two"));
        NetworkEditorDialog dialog(lesson);
        QVERIFY(dialog.setNeuronCount(0, 3));
        const Lesson edited = std::get<Lesson>(dialog.editedLesson());
        QCOMPARE(edited.title, lesson.title + ", edited to 2-3-2");
        QCOMPARE(edited.network.weightNames[1][1][2], std::string("w12"));
        QCOMPARE(edited.network.biasNames[0][0], std::string("b1"));
        // Back to its own shape, the lesson has its own title again.
        NetworkEditorDialog again(edited);
        QVERIFY(again.setNeuronCount(0, 2));
        const Lesson back = std::get<Lesson>(again.editedLesson());
        QCOMPARE(back.title, lesson.title);
        QCOMPARE(back.network.weightNames, lesson.network.weightNames);
    }

    // Names of the lesson's own choosing are kept (one-weight's W).
    void keepsNamesOfItsOwn()
    {
        const Lesson lesson = std::get<Lesson>(LessonLibrary::load("one-weight"));
        NetworkDesign design = NetworkBuilder::designOf(lesson);
        design.layers.insert(design.layers.begin(), {2, Activation::Sigmoid});
        const auto built = NetworkBuilder::build(lesson, design);
        QVERIFY(std::holds_alternative<Lesson>(built));
        const Network &network = std::get<Lesson>(built).network;
        QCOMPARE(network.neuronNames[0][0], std::string("x"));
        QCOMPARE(network.neuronNames[2][0], std::string("y"));
    }

    void keepsNamesAndWeights()
    {
        const Lesson lesson = xorLesson();
        NetworkEditorDialog dialog(lesson);
        QVERIFY(dialog.setNeuronCount(0, 3));
        auto edited = dialog.editedLesson();
        QVERIFY(std::holds_alternative<Lesson>(edited));
        const Network &network = std::get<Lesson>(edited).network;
        QCOMPARE(network.layers[0].neuronCount(), 3);
        QVERIFY(network.shapeError().empty());
        QCOMPARE(network.neuronNames[1][0], std::string("h1"));
        QCOMPARE(network.weightNames[0][1][1], std::string("w4"));
        QCOMPARE(network.layers[0].weights.topRows(2), lesson.network.layers[0].weights);
        QCOMPARE(network.layers[1].weights.leftCols(2), lesson.network.layers[1].weights);
        // Issue 17, item 11: the lesson's scheme numbers the weights in order (the kept h1 → o1
        // weight is w7 now, after the six weights into h1 … h3), no w5_2 or w9 among them.
        int number = 0;
        for (const auto &layer : network.weightNames) {
            for (const auto &row : layer) {
                for (const std::string &name : row)
                    QCOMPARE(QString::fromStdString(name), QStringLiteral("w%1").arg(++number));
            }
        }
        QCOMPARE(number, 9);
        QCOMPARE(network.neuronNames[1][2], std::string("h3"));
        QCOMPARE(network.biasNames[0][2], std::string("b_h3"));
        // The selection follows its weight (xor selects w5, h1 → o1).
        QCOMPARE(std::get<Lesson>(edited).selectedParameter, network.weightNames[1][0][0]);
        // A new seed draws every weight afresh.
        QVERIFY(dialog.setSeed(7));
        const Network redrawn = std::get<Lesson>(dialog.editedLesson()).network;
        QVERIFY(redrawn.layers[0].weights.topRows(2) != lesson.network.layers[0].weights);
    }
};

QTEST_MAIN(TestNetworkEditorDialog)
#include "tst_networkeditordialog.moc"
