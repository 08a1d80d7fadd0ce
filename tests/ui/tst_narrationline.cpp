// The window's narration line (issue 12) tells of the step just made: stepping by neuron
// (key 1, then Space), each sentence names the neuron the step revealed, including the last
// neuron of a phase, whose step also finishes the phase.

#include "narrationline.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

using windowtest::WindowRig;

class TestNarrationLine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }
    void init() { QFile::remove(LessonFiles::autosavePath()); }
    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void namesTheNeuronJustRevealed()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_1);
        QCOMPARE(rig.window->trainingToolBar()->granularity(), backprop::Granularity::Neuron);
        const QStringList expected {QStringLiteral("net_h1 = "), QStringLiteral("net_h2 = "),
                                    QStringLiteral("net_o1 = "), QStringLiteral("net_o2 = ")};
        for (const QString &start : expected) {
            rig.press(Qt::Key_Space);
            QVERIFY(rig.settle());
            const QString sentence = rig.window->narrationLine()->text();
            QVERIFY2(sentence.startsWith(start), qPrintable(sentence));
        }
    }

    // Stepped by phase, the sentence tells of the phase's first neuron, as the article does.
    void byPhaseNamesTheFirstNeuron()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_2);
        QCOMPARE(rig.window->trainingToolBar()->granularity(), backprop::Granularity::Phase);
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const QString sentence = rig.window->narrationLine()->text();
        QVERIFY2(sentence.startsWith(QStringLiteral("net_h1 = ")), qPrintable(sentence));
    }
};

QTEST_MAIN(TestNarrationLine)
#include "tst_narrationline.moc"
