// backprop-lab: the window, or with --headless the same engine printing to standard output.

#include "commandlineoptions.h"
#include "headlessrace.h"
#include "headlessrun.h"

#ifdef BACKPROP_GUI
#include "helpmenu.h"
#include "lessonsession.h"
#include "mainwindow.h"
#include "quizmode.h"
#include "racewindowrun.h"
#include "screenshotrun.h"
#include "startlesson.h"
#include "workerthread.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#endif

#include <QCoreApplication>

#include <iostream>
#include <optional>

namespace {
int runHeadless(int argc, char *argv[], const CommandLineOptions &options)
{
    QCoreApplication application(argc, argv);
    if (!options.race.empty())
        return HeadlessRace(options, std::cout).run(std::cerr);
    HeadlessRun run(options, std::cout);
    return run.run(std::cerr);
}

#ifdef BACKPROP_GUI
// `--phases` in an open window: the steps are posted once the run of `--steps` has ended,
// since steps posted while its chunks are queued would land in the middle of it.
void stepPhasesAfterRun(MainWindow &window, long long iterations, int phases)
{
    LessonSession &session = window.session();
    auto *waiting = new QObject(&window); // deleting it ends the connection
    QObject::connect(&session, &LessonSession::snapshotChanged, waiting,
                     [&session, waiting, iterations, phases] {
                         if (session.snapshot()->state.iteration < iterations
                             || session.isRunning())
                             return;
                         QObject::disconnect(&session, nullptr, waiting, nullptr);
                         session.stepPhases(phases);
                         waiting->deleteLater();
                     });
}

// --presentation, --window-size and --keys, on a shown window: the size last, since
// presentation mode makes the window as large as its screen.
void showAsAsked(MainWindow &window, const CommandLineOptions &options)
{
    if (options.presentation)
        window.presentationAction()->setChecked(true);
    if (options.windowSize.isValid())
        window.setGeometry(QRect(window.geometry().topLeft(), options.windowSize));
    if (options.keys)
        window.helpMenu()->keysAction()->trigger();
    if (options.quiz)
        window.quizMode()->action()->trigger(); // (setChecked would not show the dock)
}

// --race LIST --race-window: the race's window alone (README pictures, a class that only races).
int runRaceWindow(int argc, char *argv[], const CommandLineOptions &options)
{
    auto made = RaceStart::from(options);
    if (auto *error = std::get_if<std::string>(&made)) {
        std::cerr << "backprop-lab: " << *error << '\n';
        return 2;
    }
    QApplication application(argc, argv);
    backprop::registerWorkerTypes();
    RaceWindowRun run(std::get<RaceStart>(made), options.raceSteps, options.windowSize,
                      options.screenshot);
    return application.exec();
}

int runWindow(int argc, char *argv[], const CommandLineOptions &options)
{
    const auto refuse = [](const QString &error) {
        std::cerr << "backprop-lab: " << error.toStdString() << '\n';
        return 2;
    };
    // Load and check everything before a window exists, so a bad file fails fast.
    std::optional<StartLesson> start;
    if (!options.reopensLastLesson()) {
        auto loaded = StartLesson::load(options.lesson);
        if (auto *error = std::get_if<QString>(&loaded))
            return refuse(*error);
        start = std::get<StartLesson>(std::move(loaded));
        if (const QString error = options.applyTo(start->saved.lesson); !error.isEmpty())
            return refuse(error);
    }
    // A screenshot is a reproducible render: the user's preferences (palette, type size,
    // decimals), recent files and autosave are neither read nor touched. Settings and data
    // folders point into a scratch folder for the run (QStandardPaths honours XDG_*_HOME).
    QTemporaryDir scratch;
    if (!options.screenshot.isEmpty()) {
        if (!scratch.isValid())
            return refuse(QStringLiteral("--screenshot: cannot make a scratch folder"));
        for (const char *variable :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
            qputenv(variable, QFile::encodeName(scratch.path()));
    }
    QApplication application(argc, argv);
    backprop::registerWorkerTypes();
    if (!start) {
        // The last session's lesson, or two-two-two and a line in the status bar saying why.
        start = StartLesson::reopen(QSettings().value(StartLesson::settingsKey()).toString());
        if (const QString error = options.applyTo(start->saved.lesson); !error.isEmpty())
            return refuse(error);
    }
    MainWindow window;
    window.resize(1600, 1000);
    // A file opens as File ▸ Open would: with its training state, in the recent files, and
    // Save writes back to it. An autosave left by a crash is still offered once the window
    // runs, and replaces this lesson if the user restores it.
    start->openIn(window);
    window.session().trainFor(options.steps);
    if (!options.screenshot.isEmpty()) {
        ScreenshotRun screenshot(window, options.screenshot, options.steps, options.phases);
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        showAsAsked(window, options);
        return application.exec();
    }
    if (options.phases > 0)
        stepPhasesAfterRun(window, options.steps, options.phases);
    if (options.run)
        window.session().run();
    window.show();
    showAsAsked(window, options);
    return application.exec();
}
#endif
} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int k = 0; k < argc; ++k)
        arguments << QString::fromLocal8Bit(argv[k]);
    QCoreApplication::setApplicationName(QStringLiteral("backprop-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("Backprop Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKPROP_VERSION));
    // Options are parsed before any application object exists, so bad ones fail fast even
    // without a display.
    auto parsed = CommandLineOptions::parse(arguments);
    if (auto *error = std::get_if<QString>(&parsed)) {
        std::cerr << "backprop-lab: " << error->toStdString() << '\n';
        return 2;
    }
    const CommandLineOptions options = std::get<CommandLineOptions>(parsed);
#ifdef BACKPROP_GUI
    if (options.raceWindow)
        return runRaceWindow(argc, argv, options);
    if (!options.headless)
        return runWindow(argc, argv, options);
#endif
    return runHeadless(argc, argv, options);
}
