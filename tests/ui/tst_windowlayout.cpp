// Nothing overlaps or hides at the sizes a classroom uses (1600×1000, 1280×800), with desk
// type and with the projector's 1.75: every toolbar control stays on its toolbar, every
// pane keeps a usable size, the network's labels do not overlap and the status line is not
// cut.

#include "chainrulepanel.h"
#include "datatableview.h"
#include "lessonsession.h"
#include "windowrig.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

using namespace backprop;
using windowtest::WindowRig;

namespace {

QList<QRectF> sceneBoxes(const NetworkScene &scene)
{
    QList<QRectF> boxes;
    for (const NetworkScene::Node &node : scene.nodes)
        boxes.append(node.rect);
    for (const NetworkScene::BiasNode &bias : scene.biasNodes)
        boxes.append(bias.labelRect);
    for (const NetworkScene::Edge &edge : scene.edges) {
        if (!edge.labelRect.isEmpty())
            boxes.append(edge.labelRect);
    }
    return boxes;
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void nothingOverlaps_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        for (const char *lesson : {"two-two-two", "one-weight"}) {
            for (const QSize size : {QSize(1600, 1000), QSize(1280, 800)}) {
                for (const double scale : {1.0, 1.75}) {
                    QTest::addRow("%s %dx%d at %.2f", lesson, size.width(), size.height(), scale)
                        << QString::fromLatin1(lesson) << size << scale;
                }
            }
        }
    }

    void nothingOverlaps()
    {
        QFETCH(QString, lesson);
        QFETCH(QSize, size);
        QFETCH(double, scale);
        WindowRig rig(lesson == QLatin1String("one-weight") ? testlessons::oneWeight()
                                                            : testlessons::twoTwoTwo(),
                      size);
        rig.window->setFontScale(scale);
        // Up to the update: the longest labels (w and w⁺, gradients) are all on screen.
        const int phases = static_cast<int>(rig.snapshot().phases.size());
        rig.window->session().stepPhases(phases - 1);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phaseIndex, phases - 1);
        QCoreApplication::processEvents(); // layouts settle after the font change
        const QString name = QStringLiteral("layout-%1-%2x%3-%4")
                                 .arg(lesson)
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(scale);
        uitest::grabAndSave(*rig.window, name);

        for (const QToolBar *bar : rig.window->findChildren<QToolBar *>()) {
            for (QAction *action : bar->actions()) {
                if (action->isSeparator())
                    continue;
                const QWidget *widget = bar->widgetForAction(action);
                QVERIFY2(widget && widget->isVisible(),
                         qPrintable(bar->objectName() + QStringLiteral(": ") + action->text()
                                    + QStringLiteral(" is pushed off the toolbar")));
            }
        }

        const QList<QWidget *> panes {rig.window->networkView(), rig.window->chainRulePanel(),
                                      rig.window->curveTabs(), rig.window->dataTableView()};
        for (const QWidget *pane : panes) {
            QVERIFY2(pane->isVisible() && pane->width() >= 250 && pane->height() >= 120,
                     qPrintable(QStringLiteral("%1 is %2×%3")
                                    .arg(QString::fromLatin1(pane->metaObject()->className()))
                                    .arg(pane->width())
                                    .arg(pane->height())));
        }

        const QList<QRectF> boxes = sceneBoxes(rig.window->networkView()->scene());
        const QRectF inside(QPointF(0, 0), rig.window->networkView()->size());
        for (int a = 0; a < boxes.size(); ++a) {
            QVERIFY2(inside.contains(boxes[a]), qPrintable(name));
            for (int b = a + 1; b < boxes.size(); ++b)
                QVERIFY2(!boxes[a].intersects(boxes[b]), qPrintable(name));
        }

        // A label that just got a longer text is laid out by a posted LayoutRequest: let the
        // layouts catch up before measuring.
        for (int pass = 0; pass < 3; ++pass)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        for (const QLabel *label : rig.window->statusBar()->findChildren<QLabel *>()) {
            if (label->isVisible() && !label->text().isEmpty())
                QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
