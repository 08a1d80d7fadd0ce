// Presentation mode read from the back row (issue 12): at 1920×1080 and 1280×720, for every
// built-in lesson at every phase of its first iteration and when it is finished, every text
// the window draws is read from its paint calls (texttest::textsOf, not from pixels) and
// must be at least 24 px, lie inside its view, overlap no other text and be whole (no
// "…"); no pane scrolls anything out of sight; and every weight of a lesson up to 2-4-4-2
// has its label. F11 again brings the desk's window back as it was.

#include "chainrulepanel.h"
#include "datatableview.h"
#include "errorsurfaceview.h"
#include "lessonlibrary.h"
#include "textrecorder.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QFile>
#include <QMenuBar>

#include <QAbstractScrollArea>
#include <QAction>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QWindow>

using namespace backprop;
using texttest::DrawnText;
using windowtest::WindowRig;

namespace {

constexpr double smallestPixels = 24.0;

QString describe(const DrawnText &t)
{
    return QStringLiteral("“%1” %2 px at (%3, %4) %5×%6")
        .arg(t.text)
        .arg(t.pixelSize)
        .arg(t.rect.x())
        .arg(t.rect.y())
        .arg(t.rect.width())
        .arg(t.rect.height());
}

// Every problem with the texts one view draws, one line each.
QStringList problemsOf(QWidget &view, const QString &where)
{
    QStringList problems;
    const QList<DrawnText> texts = texttest::textsOf(view);
    const QRectF inside = QRectF(view.rect()).adjusted(-0.5, -0.5, 0.5, 0.5);
    for (int a = 0; a < texts.size(); ++a) {
        const DrawnText &t = texts[a];
        if (t.pixelSize < smallestPixels)
            problems << where + QStringLiteral(": too small: ") + describe(t);
        if (!inside.contains(t.rect))
            problems << where + QStringLiteral(": outside its view: ") + describe(t);
        if (t.text.contains(QChar(0x2026)))
            problems << where + QStringLiteral(": cut off: ") + describe(t);
        for (int b = a + 1; b < texts.size(); ++b) {
            const QRectF overlap = t.rect.intersected(texts[b].rect);
            // Runs of one line meet edge to edge; a pixel² of rounding is no overlap.
            if (overlap.width() * overlap.height() > 1.0)
                problems << where + QStringLiteral(": overlap: ") + describe(t)
                        + QStringLiteral(" and ") + describe(texts[b]);
        }
    }
    return problems;
}

QStringList scrolledOut(QAbstractScrollArea *area, const QString &where)
{
    if (area->verticalScrollBar()->maximum() > 0 || area->horizontalScrollBar()->maximum() > 0)
        return {where
                + QStringLiteral(": scrolled out of sight (scroll range %1 × %2)")
                      .arg(area->horizontalScrollBar()->maximum())
                      .arg(area->verticalScrollBar()->maximum())};
    return {};
}

// A neuron's texts (its name and every line) drawn inside its box: texts are checked against
// each other and the view, so lines running out of a box too short for them went unseen.
// A drawn run belongs to a line when it begins it (a line may be drawn in several runs).
QStringList neuronTextsOutsideTheirBox(NetworkView &view)
{
    QStringList problems;
    const QList<DrawnText> texts = texttest::textsOf(view);
    const NetworkScene &scene = view.scene();
    if (!scene.isLabelled)
        return problems;
    for (const NetworkScene::Node &node : scene.nodes) {
        const QRectF box = node.rect.adjusted(-0.5, -0.5, 0.5, 0.5);
        QStringList lines {node.title};
        for (const NetworkScene::TextLine &line : node.lines)
            lines << line.text;
        for (const QString &line : std::as_const(lines)) {
            bool drawn = false, inside = false;
            QRectF where;
            for (const DrawnText &t : texts) {
                if (t.text.isEmpty() || !line.startsWith(t.text))
                    continue;
                drawn = true;
                where = t.rect;
                if (box.contains(t.rect)) {
                    inside = true;
                    break;
                }
            }
            if (drawn && !inside)
                problems << QStringLiteral("network: “%1” of %2 at (%3, %4) %5×%6 outside its box "
                                           "(%7, %8) %9×%10")
                                .arg(line, node.title)
                                .arg(where.x())
                                .arg(where.y())
                                .arg(where.width())
                                .arg(where.height())
                                .arg(box.x())
                                .arg(box.y())
                                .arg(box.width())
                                .arg(box.height());
        }
    }
    return problems;
}

// Every problem on screen now: the network, the chain rule, each tab, the bars.
QStringList problemsOnScreen(WindowRig &rig)
{
    MainWindow &window = *rig.window;
    QStringList problems;
    NetworkView &network = *window.networkView();
    problems << problemsOf(network, QStringLiteral("network"));
    problems << neuronTextsOutsideTheirBox(network);
    if (network.scene().hiddenLabelCount > 0)
        problems << QStringLiteral("network: %1 weight labels hidden")
                        .arg(network.scene().hiddenLabelCount);
    problems << problemsOf(*window.chainRulePanel(), QStringLiteral("chain rule"));
    problems << scrolledOut(window.chainRulePanel()->textBrowser(), QStringLiteral("chain rule"));
    QTabWidget &tabs = *window.curveTabs();
    const int shown = tabs.currentIndex();
    for (int t = 0; t < tabs.count(); ++t) {
        tabs.setCurrentIndex(t);
        rig.settle();
        QCoreApplication::processEvents();
        problems << problemsOf(tabs, QStringLiteral("tab ") + tabs.tabText(t));
        if (auto *area = qobject_cast<QAbstractScrollArea *>(tabs.widget(t)))
            problems << scrolledOut(area, QStringLiteral("tab ") + tabs.tabText(t));
    }
    tabs.setCurrentIndex(shown);
    // The toolbars are hidden on the projector (their keys stay): only a shown one counts.
    for (QToolBar *bar : window.findChildren<QToolBar *>()) {
        if (bar->isVisible())
            problems << problemsOf(*bar, QStringLiteral("toolbar"));
    }
    problems << problemsOf(*window.statusBar(), QStringLiteral("status bar"));
    return problems;
}

// The window onto the screen of that size (main() gives the offscreen platform a
// 1920×1080 and a 1280×720 screen), where F11 makes it full screen.
void moveToScreenOfSize(QWidget &window, QSize size)
{
    for (QScreen *screen : QGuiApplication::screens()) {
        if (screen->size() == size) {
            window.windowHandle()->setScreen(screen);
            window.move(screen->geometry().topLeft() + QPoint(20, 20));
            return;
        }
    }
    qFatal("no screen of %dx%d", size.width(), size.height());
}

} // namespace

class TestPresentationMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }
    // A window left by a failed test keeps its autosave: never offer it to the next one.
    void init() { QFile::remove(LessonFiles::autosavePath()); }
    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void everyTextIsLargeWholeAndAlone_data()
    {
        QTest::addColumn<Lesson>("lesson");
        QTest::addColumn<QSize>("screen");
        for (const std::string &name : LessonLibrary::builtInNames()) {
            const Lesson lesson = std::get<Lesson>(LessonLibrary::load(name));
            for (const QSize screen : {QSize(1920, 1080), QSize(1280, 720)})
                QTest::addRow("%s %dx%d", name.c_str(), screen.width(), screen.height())
                    << lesson << screen;
        }
        for (const QSize screen : {QSize(1920, 1080), QSize(1280, 720)})
            QTest::addRow("2-4-4-2 %dx%d", screen.width(), screen.height())
                << testlessons::twoFourFourTwo() << screen;
    }

    void everyTextIsLargeWholeAndAlone()
    {
        QFETCH(Lesson, lesson);
        QFETCH(QSize, screen);
        WindowRig rig(lesson);
        moveToScreenOfSize(*rig.window, screen);
        rig.press(Qt::Key_F11);
        QVERIFY(rig.window->presentationAction()->isChecked());
        QVERIFY(rig.window->isFullScreen());
        QTRY_COMPARE(rig.window->size(), screen);
        QTest::qWait(50); // the layouts follow the new size
        QTRY_COMPARE(rig.window->centralWidget()->width(), screen.width());
        QVERIFY(rig.settle());
        const int phases = static_cast<int>(rig.snapshot().phases.size());
        QStringList problems;
        for (int phase = 0; phase <= phases; ++phase) {
            const QString moment = phase == 0 ? QStringLiteral("start")
                : phase == phases             ? QStringLiteral("finished")
                                              : QStringLiteral("phase %1").arg(phase);
            for (const QString &problem : problemsOnScreen(rig))
                problems << moment + QStringLiteral(", ") + problem;
            // Fewer digits are the last resort of a dense network on a small screen only.
            const int fewerDigits = rig.window->networkView()->scene().fewerDigits;
            if (fewerDigits > 0 && (screen.width() > 1280 || lesson.network.layerCount() < 3))
                problems << moment + QStringLiteral(", numbers to %1 digits").arg(fewerDigits);
            rig.press(Qt::Key_Space);
            QVERIFY(rig.settle());
        }
        if (!problems.isEmpty()) {
            const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
            rig.window->grab().save(QStringLiteral("/tmp/presentation-%1.png").arg(name));
        }
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, the first 40:\n").arg(problems.size())
                            + problems.mid(0, 40).join('\n')));
    }

    // From the split layout (1920×1080) and from one pane at a time (1280×720).
    void f11AgainRestoresTheDesk_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<QRect>("desk");
        QTest::newRow("1920x1080") << QSize(1920, 1080) << QRect(40, 30, 1300, 900);
        QTest::newRow("1280x720") << QSize(1280, 720) << QRect(20, 20, 1100, 640);
    }

    void f11AgainRestoresTheDesk()
    {
        QFETCH(QSize, screen);
        QFETCH(QRect, desk);
        {
            // A window closed on the projector leaves no trace in the next one.
            WindowRig closedPresenting(testlessons::oneWeight(), QSize(1000, 700));
            closedPresenting.press(Qt::Key_F11);
            QVERIFY(closedPresenting.window->isFullScreen());
        }
        WindowRig rig(testlessons::twoTwoTwo(), desk.size());
        moveToScreenOfSize(*rig.window, screen);
        rig.window->move(rig.window->screen()->geometry().topLeft() + desk.topLeft());
        QTRY_COMPARE(rig.window->size(), desk.size());
        const QRect before = rig.window->geometry();
        const QSize networkBefore = rig.window->networkView()->size();
        const double fontBefore = rig.window->chainRulePanel()->fontPixelSize();
        rig.press(Qt::Key_F11);
        QVERIFY(rig.window->isFullScreen());
        QTRY_COMPARE(rig.window->size(), screen);
        QTest::qWait(50); // the layouts follow the new size
        const bool onePane = screen.height() < 1080;
        QCOMPARE(rig.window->curveTabs()->indexOf(rig.window->chainRulePanel()) >= 0, onePane);
        QCOMPARE(rig.window->statusBar()->isVisible(), !onePane);
        QVERIFY(!rig.window->menuBar()->isVisible());
        rig.press(Qt::Key_F11);
        QVERIFY(!rig.window->presentationAction()->isChecked());
        QTRY_VERIFY(!rig.window->isFullScreen());
        QTRY_COMPARE(rig.window->geometry(), before);
        QVERIFY(rig.window->trainingToolBar()->isVisible()); // hidden on the projector only
        QVERIFY(rig.window->menuBar()->isVisible());
        QVERIFY(rig.window->statusBar()->isVisible());
        // The left column's split comes back exactly (a window closed on the projector once
        // left the 24 px floor to the next window: its narration line was 10 px taller).
        QTRY_COMPARE(rig.window->networkView()->size(), networkBefore);
        QCOMPARE(rig.window->chainRulePanel()->fontPixelSize(), fontBefore);
        // The table is back under the network and the chain rule beside it, not tabs.
        QCOMPARE(rig.window->curveTabs()->indexOf(rig.window->dataTableView()), -1);
        QCOMPARE(rig.window->curveTabs()->indexOf(rig.window->chainRulePanel()), -1);
        QVERIFY(rig.window->dataTableView()->isVisible());
        QVERIFY(rig.window->chainRulePanel()->isVisible());
    }

    // The E(wa, wb) surface is a map of two weights: flattened into a strip under the network
    // (1920×1080 gave it a sixth of its width as height) its contours cannot be read.
    void errorSurfaceKeepsItsShape_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }

    void errorSurfaceKeepsItsShape()
    {
        QFETCH(QSize, screen);
        WindowRig rig(testlessons::twoTwoTwo());
        moveToScreenOfSize(*rig.window, screen);
        rig.press(Qt::Key_F11);
        QTRY_COMPARE(rig.window->size(), screen);
        QTest::qWait(50);
        ErrorSurfaceView &surface = *rig.window->errorSurfaceView();
        QTabWidget &tabs = *rig.window->curveTabs();
        tabs.setCurrentWidget(&surface);
        QVERIFY(rig.settle());
        QTRY_VERIFY(surface.result().has_value());
        const QRectF frame = surface.plotArea().frame();
        // The map takes more than half its pane's height (the combo boxes and the legend
        // stand beside it in a short pane; they took 60 % of it) and stays a map: at most
        // 1.5 times as wide as tall (it was 2.4 at 1280×720).
        const QString size = QStringLiteral("frame %1×%2 in a pane %3×%4")
                                 .arg(frame.width())
                                 .arg(frame.height())
                                 .arg(surface.width())
                                 .arg(surface.height());
        QVERIFY2(frame.height() > 0.5 * surface.height(), qPrintable(size));
        QVERIFY2(frame.width() <= 1.5 * frame.height() + 1, qPrintable(size));
        QVERIFY2(frame.width() >= frame.height(), qPrintable(size));
        const QStringList problems = problemsOf(surface, QStringLiteral("surface"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void zoomNeverBreaksAPanel()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        moveToScreenOfSize(*rig.window, QSize(1920, 1080));
        rig.press(Qt::Key_F11);
        QTRY_COMPARE(rig.window->size(), QSize(1920, 1080));
        QTest::qWait(50);
        rig.press(Qt::Key_3);
        rig.press(Qt::Key_Space);
        rig.press(Qt::Key_4);
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        for (int press = 0; press < 3; ++press) {
            rig.press(Qt::Key_Equal, Qt::ControlModifier);
            QVERIFY(rig.settle());
            const QStringList problems = problemsOnScreen(rig);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(QStringLiteral("after %1 × Ctrl+=:\n").arg(press + 1)
                                + problems.mid(0, 20).join('\n')));
        }
    }
};

// The offscreen platform's one screen is 800×600; a configuration file gives it a projector's
// two sizes side by side.
int main(int argc, char *argv[])
{
    QTemporaryDir folder;
    const QString config = folder.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(config));
    file.write(R"({"screens": [
        {"name": "projector-1080", "x": 0, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "projector-720", "x": 1920, "y": 0, "width": 1280, "height": 720,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication application(argc, argv);
    TestPresentationMode test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_presentationmode.moc"
