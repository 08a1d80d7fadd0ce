// backprop-lab: the window, or with --headless the same engine printing to standard output.

#include "commandlineoptions.h"
#include "headlessrun.h"

#ifdef BACKPROP_GUI
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "mainwindow.h"
#include "screenshotrun.h"
#include "workerthread.h"

#include <QApplication>
#endif

#include <QCoreApplication>

#include <iostream>

namespace {
int runHeadless(int argc, char *argv[], const CommandLineOptions &options)
{
    QCoreApplication application(argc, argv);
    HeadlessRun run(options, std::cout);
    return run.run(std::cerr);
}

#ifdef BACKPROP_GUI
// `--phases` in an open window: the steps are posted once the run of `--steps` has ended,
// since steps posted while its chunks are queued would land in the middle of it.
void stepPhasesAfterRun(MainWindow &window, long long iterations, int phases)
{
    auto *waiting = new QObject(&window); // deleting it ends the connection
    QObject::connect(&window, &MainWindow::snapshotShown, waiting,
                     [&window, waiting, iterations, phases] {
                         if (window.snapshot()->state.iteration < iterations
                             || window.runState() != backprop::RunState::Paused)
                             return;
                         QObject::disconnect(&window, nullptr, waiting, nullptr);
                         window.stepPhases(phases);
                         waiting->deleteLater();
                     });
}

int runWindow(int argc, char *argv[], const CommandLineOptions &options)
{
    // Load and check everything before a window exists, so a bad file fails fast.
    const std::string nameOrFile = options.lesson.toStdString();
    auto loaded = backprop::LessonLibrary::loadSaved(nameOrFile);
    if (auto *error = std::get_if<std::string>(&loaded)) {
        std::cerr << "backprop-lab: " << *error << '\n';
        return 2;
    }
    backprop::SavedLesson saved = std::get<backprop::SavedLesson>(std::move(loaded));
    if (const QString error = options.applyTo(saved.lesson); !error.isEmpty()) {
        std::cerr << "backprop-lab: " << error.toStdString() << '\n';
        return 2;
    }
    QApplication application(argc, argv);
    backprop::registerWorkerTypes();
    MainWindow window;
    window.resize(1600, 1000);
    // A file (not a built-in name) opens as File ▸ Open would: with its training state, in
    // the recent files, and Save writes back to it.
    if (backprop::LessonLibrary::isBuiltIn(nameOrFile))
        window.openLesson(saved);
    else
        LessonFiles::of(&window)->openSaved(saved, options.lesson);
    window.trainFor(options.steps);
    if (!options.screenshot.isEmpty()) {
        ScreenshotRun screenshot(window, options.screenshot, options.steps, options.phases);
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        return application.exec();
    }
    if (options.phases > 0)
        stepPhasesAfterRun(window, options.steps, options.phases);
    window.show();
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
    if (!options.headless)
        return runWindow(argc, argv, options);
#endif
    return runHeadless(argc, argv, options);
}
