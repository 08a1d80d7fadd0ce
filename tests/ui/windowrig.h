#pragma once

// Shared by the main window's suites: a real MainWindow (with its own worker thread) shown
// offscreen, a probe on its worker to wait until everything posted has been handled, and
// keyboard and mouse helpers that go through the window the way a teacher's hands do.

#include "lessonfiles.h"
#include "lessonsession.h"
#include "mainwindow.h"
#include "networkview.h"
#include "rememberedsettings.h"
#include "testlessons.h"
#include "uitesthelpers.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace windowtest {

// Settings go to a test folder and start empty, so a scale saved by one test (or by the
// teacher's own copy of the program) never changes another.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Backprop Lab Tests"));
    // One folder per suite: suites run in parallel, and the autosave (with its lock) and the
    // settings of one must not be another's.
    QCoreApplication::setApplicationName(
        QStringLiteral("backprop-lab-tests-")
        + QFileInfo(QCoreApplication::applicationFilePath()).baseName());
    QSettings().clear();
}

// What every window suite does first: numbers in the C locale (as the lessons print them),
// the worker's types registered for queued signals, and settings of its own.
inline void prepareSuite()
{
    QLocale::setDefault(QLocale::c());
    backprop::registerWorkerTypes();
    isolateSettings();
}

// What a rig's window restores: a fresh start at the step size, speed and size its test
// gives it, whatever an earlier window of the suite left (the other settings, such as the
// palette or the recent files, are the suite's to clear); or, as after a restart, all that
// the suite's earlier windows remembered.
enum class StartSettings { Fresh, Restart };

inline std::unique_ptr<MainWindow> makeWindow(StartSettings settings)
{
    if (settings == StartSettings::Fresh) {
        QSettings stored;
        for (const QString &key : RememberedSettings::keys())
            stored.remove(key);
    }
    return std::make_unique<MainWindow>();
}

class WindowRig
{
public:
    explicit WindowRig(const backprop::Lesson &lesson, QSize size = QSize(1600, 1000),
                       StartSettings settings = StartSettings::Fresh)
        : window(makeWindow(settings)), probe(window->session().worker())
    {
        if (size.isValid())
            window->resize(size);
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active; shortcuts may not reach it");
        window->session().openLesson(lesson);
        settle();
        window->networkView()->setFocus();
    }

    // Waits until the worker has handled every command posted so far and the window has
    // shown what came back. The probe and the window receive the worker's signals in the
    // order they were sent, so once the probe has its answer the window has its snapshot.
    bool settle() { return probe.sync() && window->session().snapshot().has_value(); }

    // Trains `iterations` at full speed and waits until the run has stopped and its last
    // snapshot is on screen (a sync alone may land between a slice of the run and the next,
    // or between the paused state and the last snapshot).
    bool train(long long iterations)
    {
        window->session().trainFor(iterations);
        return probe.waitUntilPaused() && settle();
    }

    // Trains `iterations` that must all happen (no fault on the way).
    bool trainAll(long long iterations)
    {
        const long long target = snapshot().state.iteration + iterations;
        return train(iterations) && snapshot().state.iteration == target
            && window->session().runState() == backprop::RunState::Paused;
    }

    const backprop::Snapshot &snapshot() const { return *window->session().snapshot(); }

    backprop::ParameterId parameter(const char *name) const
    {
        const auto id = snapshot().state.network.findParameter(name);
        if (!id)
            qFatal("no parameter %s", name);
        return *id;
    }

    double value(const char *name) const { return snapshot().state.network.value(parameter(name)); }

    // A key pressed with the keyboard focus wherever it is.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window.get();
        QTest::keyClick(target, key, modifiers);
    }

    // Double-clicks the parameter in the network view and returns the editor it opened.
    QLineEdit *openEditor(const char *name)
    {
        NetworkView *view = window->networkView();
        const std::optional<QPointF> position = view->parameterPosition(parameter(name));
        if (!position)
            return nullptr;
        QTest::mouseDClick(view, Qt::LeftButton, {}, position->toPoint());
        auto *editor = view->findChild<QLineEdit *>();
        return editor && editor->isVisible() ? editor : nullptr;
    }

    void click(const char *name)
    {
        NetworkView *view = window->networkView();
        if (const std::optional<QPointF> position = view->parameterPosition(parameter(name)))
            QTest::mouseClick(view, Qt::LeftButton, {}, position->toPoint());
    }

    // Types into the editor of `name` and presses Enter; false when no editor opened.
    bool typeValue(const char *name, const QString &text)
    {
        QLineEdit *editor = openEditor(name);
        if (!editor)
            return false;
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        return settle();
    }

    QImage grabNetworkView() const
    {
        NetworkView *view = window->networkView();
        return window->grab(QRect(view->mapTo(window.get(), QPoint(0, 0)), view->size())).toImage();
    }

    std::unique_ptr<MainWindow> window;
    testlessons::WorkerProbe probe;
};

} // namespace windowtest
