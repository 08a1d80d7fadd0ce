// Keyboard only (issue 12): from launch, with key events alone, a teacher selects w1 on the
// drawing, types 0.2 into it, goes to the E(w) tab, steps one iteration and back, and opens
// the keys overlay; the overlay lists every key of every action, large enough for a
// projector and inside the window.

#include "chainrulepanel.h"
#include "errorcurveview.h"
#include "helpmenu.h"
#include "keysoverlay.h"
#include "windowrig.h"

#include <QFile>

#include <QAction>
#include <QTabWidget>

#include <algorithm>

using namespace backprop;
using windowtest::WindowRig;

class TestKeyboardOnly : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }
    // A window left by a failed test keeps its autosave: never offer it to the next one.
    void init() { QFile::remove(LessonFiles::autosavePath()); }
    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void fromLaunchWithKeysAlone()
    {
        WindowRig rig(testlessons::twoTwoTwo(), QSize(1280, 720));
        MainWindow &window = *rig.window;
        NetworkView &network = *window.networkView();

        // N: the keyboard goes to the drawing; arrows walk it until w1 has the ring.
        rig.press(Qt::Key_N);
        QTRY_VERIFY(network.hasFocus());
        const ParameterId w1 = rig.parameter("w1");
        int presses = 0;
        while (window.session().selectedParameter() != w1 && presses < 40) {
            rig.press(Qt::Key_Right);
            ++presses;
        }
        QVERIFY(window.session().selectedParameter() == std::optional<ParameterId>(w1));
        QVERIFY(network.focusedItem().has_value());
        QVERIFY(!network.focusRingRect().isEmpty());
        QVERIFY(rig.settle());
        QVERIFY(window.chainRulePanel()->lines().first().contains(QStringLiteral("w1")));

        // Enter edits it; typing and Enter again commit.
        rig.press(Qt::Key_Return);
        QVERIFY(network.isEditing());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("0.2"));
        rig.press(Qt::Key_Return);
        QVERIFY(rig.settle());
        QCOMPARE(rig.value("w1"), 0.2);
        QVERIFY(network.hasFocus());

        // Escape in the editor cancels: the value stays.
        rig.press(Qt::Key_Return);
        QVERIFY(network.isEditing());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("9"));
        rig.press(Qt::Key_Escape);
        QVERIFY(!network.isEditing());
        QVERIFY(rig.settle());
        QCOMPARE(rig.value("w1"), 0.2);

        // Ctrl+Tab to the next plot tab, Alt+1 back to E(w).
        QTabWidget &tabs = *window.curveTabs();
        QCOMPARE(tabs.currentIndex(), 0);
        rig.press(Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs.currentIndex(), 1);
        rig.press(Qt::Key_1, Qt::AltModifier);
        QCOMPARE(tabs.currentIndex(), 0);
        QCOMPARE(tabs.currentWidget(), static_cast<QWidget *>(window.errorCurveView()));

        // 5: step by iterations; Space steps one, Backspace steps back.
        rig.press(Qt::Key_5);
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 1);
        QVERIFY(rig.value("w1") != 0.2);
        rig.press(Qt::Key_Backspace);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 0);
        QCOMPARE(rig.value("w1"), 0.2);

        // F1: every key, over the window; any key closes it.
        KeysOverlay *overlay = window.helpMenu()->keysOverlay();
        QVERIFY(!overlay->isVisible());
        rig.press(Qt::Key_F1);
        QVERIFY(overlay->isVisible());
        QVERIFY(overlay->hasFocus());
        rig.press(Qt::Key_Escape);
        QVERIFY(!overlay->isVisible());
    }

    void theOverlayListsEveryKeyReadably_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }

    void theOverlayListsEveryKeyReadably()
    {
        QFETCH(QSize, size);
        WindowRig rig(testlessons::twoTwoTwo(), size);
        rig.press(Qt::Key_F1);
        KeysOverlay *overlay = rig.window->helpMenu()->keysOverlay();
        QVERIFY(overlay->isVisible());
        QCOMPARE(overlay->size(), rig.window->size());
        // Every page (a small screen turns pages with →): large, inside, alone.
        QStringList shown;
        for (int page = 0; page < overlay->pageCount(); ++page) {
            QCOMPARE(overlay->page(), page);
            const QList<KeysOverlay::DrawnText> texts = overlay->drawnTexts();
            for (int a = 0; a < texts.size(); ++a) {
                shown << texts[a].text;
                QVERIFY2(texts[a].pixelSize >= 24, qPrintable(texts[a].text));
                QVERIFY2(QRectF(overlay->rect()).contains(texts[a].rect),
                         qPrintable(texts[a].text));
                for (int b = a + 1; b < texts.size(); ++b)
                    QVERIFY2(!texts[a].rect.intersects(texts[b].rect),
                             qPrintable(texts[a].text + QStringLiteral(" / ") + texts[b].text));
            }
            uitest::grabAndSave(*rig.window,
                                QStringLiteral("keys-overlay-%1-%2").arg(size.width()).arg(page));
            if (page + 1 < overlay->pageCount())
                rig.press(Qt::Key_Right);
        }
        QVERIFY(overlay->isVisible());
        // Generated from the actions: every key of every reachable action is listed, with the
        // toolbar's keys (1–6, [, ], L, O) and the plot tabs' keys.
        QList<QAction *> actions = rig.window->userActions();
        actions << rig.window->actions();
        for (const QAction *action : std::as_const(actions)) {
            for (const QKeySequence &key : action->shortcuts()) {
                const QString name = key.toString(QKeySequence::NativeText);
                const bool listed = std::any_of(shown.begin(), shown.end(), [&](const QString &s) {
                    return s.split(QStringLiteral(", ")).contains(name);
                });
                QVERIFY2(listed, qPrintable(name + QStringLiteral(" for ") + action->text()));
            }
        }
        for (const char *key :
             {"F1", "F11", "Space", "Backspace", "[", "]", "L", "O", "Ctrl+Tab", "Alt+1", "N"})
            QVERIFY2(shown.join('\n').contains(QLatin1String(key)), key);
    }

    void aboutNamesTheVersionAndTheLessonSources()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        const QString about = HelpMenu::aboutText();
        QVERIFY(about.contains(QStringLiteral("9.8.7")));
        QVERIFY(about.contains(QStringLiteral("two-two-two")));
        QVERIFY(about.contains(QStringLiteral("Mazur")));
        QVERIFY(about.contains(QStringLiteral("one-weight")));
    }
};

QTEST_MAIN(TestKeyboardOnly)
#include "tst_keyboardonly.moc"
