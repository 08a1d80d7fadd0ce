// backprop-lab: the window, or with --headless the same engine printing to standard output.

#include "commandlineoptions.h"
#include "headlessrun.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int k = 0; k < argc; ++k)
        arguments << QString::fromLocal8Bit(argv[k]);
    // Parse before any QApplication exists, so bad options fail fast even without a display.
    QCoreApplication::setApplicationName(QStringLiteral("backprop-lab"));
    QCoreApplication::setOrganizationName(QStringLiteral("Backprop Lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKPROP_VERSION));
    auto parsed = CommandLineOptions::parse(arguments);
    if (auto *error = std::get_if<QString>(&parsed)) {
        std::cerr << "backprop-lab: " << error->toStdString() << '\n';
        return 2;
    }
    const CommandLineOptions options = std::get<CommandLineOptions>(parsed);
    if (options.headless || !options.screenshot.isEmpty() || true) {
        QCoreApplication application(argc, argv);
        HeadlessRun run(options, std::cout);
        return run.run(std::cerr);
    }
}
