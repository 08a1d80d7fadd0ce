#include "commandlineoptions.h"

#include "hyperparameters.h"
#include "optimizer.h"
#include "textcheck.h"
#include "trainingstate.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cmath>

namespace {
std::optional<double> finiteNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}
// Text from the command line quoted in a message: on one line, as it reads.
QString printable(const QString &text)
{
    return QString::fromStdString(backprop::TextCheck::printable(text.toStdString()));
}

// Names with control or bidirectional characters are refused (TextCheck::nameProblem).
QString nameError(const QString &option, const std::string &name)
{
    const std::string problem = backprop::TextCheck::nameProblem(name);
    if (problem.empty())
        return {};
    return QStringLiteral("%1: the name \"%2\" %3")
        .arg(option, QString::fromStdString(backprop::TextCheck::printable(name)),
             QString::fromStdString(problem));
}

// A file the run will write (--screenshot, --export-pytorch): refused now, with exit code 2,
// rather than after the whole run.
QString outputFileError(const QString &option, const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (path.isEmpty() || file.isDir())
        return QStringLiteral("%1: \"%2\" is not a file name").arg(option, printable(path));
    if (!folder.isDir())
        return QStringLiteral("%1: the folder \"%2\" does not exist")
            .arg(option, printable(folder.filePath()));
    if (!folder.isWritable())
        return QStringLiteral("%1: the folder \"%2\" cannot be written to")
            .arg(option, printable(folder.filePath()));
    return {};
}
} // namespace

std::variant<CommandLineOptions, QString> CommandLineOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Backprop Lab: backpropagation, number by number."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lesson(
        QStringLiteral("lesson"),
        QStringLiteral("The lesson to open: a built-in name or a lesson file."),
        QStringLiteral("NAME|FILE"), QStringLiteral("two-two-two"));
    const QCommandLineOption steps(QStringLiteral("steps"),
                                   QStringLiteral("Iterations to train before showing anything."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption phases(
        QStringLiteral("phases"),
        QStringLiteral("Single phases to step after the iterations, to show a moment inside "
                       "one (with the window)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QStringLiteral("No window: print the results to standard output."));
    const QCommandLineOption trace(
        QStringLiteral("trace"),
        QStringLiteral("With --headless: print every phase's quantities."));
    const QCommandLineOption digits(QStringLiteral("digits"),
                                    QStringLiteral("Significant digits printed (9 to 17)."),
                                    QStringLiteral("N"), QStringLiteral("9"));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("Set a weight or bias before training (repeatable)."),
        QStringLiteral("NAME=VALUE"));
    const QCommandLineOption learningRate(QStringLiteral("learning-rate"),
                                          QStringLiteral("The learning rate η."),
                                          QStringLiteral("X"));
    const QCommandLineOption optimizer(
        QStringLiteral("optimizer"),
        QStringLiteral("sgd, momentum, rmsprop or adam (PyTorch's formulas)."),
        QStringLiteral("NAME"));
    const QCommandLineOption trainBiases(QStringLiteral("train-biases"),
                                         QStringLiteral("Let the biases learn too."));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("full, stochastic, or a mini-batch size N."),
                                   QStringLiteral("MODE"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for shuffling and initialisation."),
                                  QStringLiteral("N"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("The weight or bias whose chain rule and curve are shown."),
        QStringLiteral("NAME"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the window offscreen after the steps, save it, exit."),
        QStringLiteral("FILE.png"));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QStringLiteral("Start a full-speed run as the window opens (R pauses)."));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          QStringLiteral("Start in presentation mode (F11)."));
    const QCommandLineOption windowSize(QStringLiteral("window-size"),
                                        QStringLiteral("The window's size, e.g. 1920x1080."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption keys(QStringLiteral("keys"),
                                  QStringLiteral("Open the keys overlay (F1) at the start."));
    const QCommandLineOption race(
        QStringLiteral("race"),
        QStringLiteral("Race 2 to 5 optimizers from where --steps leaves the lesson (no window), "
                       "e.g. sgd,momentum,rmsprop:0.01,adam:0.05; a racer's settings follow "
                       "its rate: momentum:0.1:mu=0.5, adam:0.05:beta1=0.8:beta2=0.99:eps=1e-6."),
        QStringLiteral("LIST"));
    const QCommandLineOption raceSteps(QStringLiteral("race-steps"),
                                       QStringLiteral("Iterations of the race (default 100)."),
                                       QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption raceThreshold(
        QStringLiteral("race-threshold"),
        QStringLiteral("The E_total a racer must reach (default 0.001)."), QStringLiteral("X"),
        QStringLiteral("0.001"));
    const QCommandLineOption raceWeights(
        QStringLiteral("race-weights"),
        QStringLiteral("The two weights whose values the race prints (default: the selected one "
                       "and the next)."),
        QStringLiteral("WA,WB"));
    const QCommandLineOption raceWindow(
        QStringLiteral("race-window"),
        QStringLiteral("With --race: show the race in its window after --race-steps (with "
                       "--screenshot: save a picture of it and exit)."));
    const QCommandLineOption quiz(
        QStringLiteral("quiz"), QStringLiteral("Open the quiz (Training ▸ Quiz, Q) at the start."));
    const QCommandLineOption exportPyTorch(
        QStringLiteral("export-pytorch"),
        QStringLiteral("Write the lesson, as it stands after --steps, as a PyTorch script (no "
                       "window)."),
        QStringLiteral("FILE.py"));
    parser.addOptions({lesson,       steps,      phases,        headless,    trace,
                       digits,       set,        learningRate,  optimizer,   trainBiases,
                       batch,        seed,       select,        screenshot,  run,
                       presentation, windowSize, keys,          quiz,        exportPyTorch,
                       race,         raceSteps,  raceThreshold, raceWeights, raceWindow});
    if (!parser.parse(arguments))
        return printable(parser.errorText());
    // --help-all too (QCommandLineParser adds it; parse() leaves it to us): the options are
    // printed before any application or window exists.
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0); // exits
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument \"%1\"")
            .arg(printable(parser.positionalArguments().first()));

    CommandLineOptions options;
    options.lesson = parser.value(lesson);
    options.lessonGiven = parser.isSet(lesson);
    bool ok = false;
    options.steps = parser.value(steps).toLongLong(&ok);
    if (!ok || options.steps < 0)
        return QStringLiteral("--steps: \"%1\" is not a whole number of at least 0")
            .arg(printable(parser.value(steps)));
    if (options.steps > backprop::maxTrainingCount)
        return QStringLiteral("--steps: %1 is too large; at most %2")
            .arg(options.steps)
            .arg(backprop::maxTrainingCount);
    options.phases = parser.value(phases).toInt(&ok);
    if (!ok || options.phases < 0)
        return QStringLiteral("--phases: \"%1\" is not a whole number of at least 0")
            .arg(printable(parser.value(phases)));
    // Each phase stepped in the window keeps a record for the history (~11 GB at 10⁶).
    if (options.phases > maxPhases)
        return QStringLiteral("--phases: %1 is too many; at most %2")
            .arg(options.phases)
            .arg(maxPhases);
    options.headless = parser.isSet(headless);
    if (options.headless && options.phases > 0)
        return QStringLiteral("--phases goes with the window, not --headless");
    options.run = parser.isSet(run);
    if (options.run && (options.headless || parser.isSet(screenshot) || options.phases > 0))
        return QStringLiteral("--run goes with the window, not --headless, --screenshot or "
                              "--phases");
    options.trace = parser.isSet(trace);
    if (options.trace && !options.headless)
        return QStringLiteral("--trace goes with --headless");
    options.digits = parser.value(digits).toInt(&ok);
    if (!ok || options.digits < 9 || options.digits > 17)
        return QStringLiteral("--digits: \"%1\" is not a number from 9 to 17")
            .arg(printable(parser.value(digits)));
    for (const QString &assignment : parser.values(set)) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const std::optional<double> value =
            equals > 0 ? finiteNumber(assignment.mid(equals + 1)) : std::nullopt;
        if (!value)
            return QStringLiteral("--set: \"%1\" is not NAME=NUMBER").arg(printable(assignment));
        const std::string name = assignment.left(equals).trimmed().toStdString();
        if (const QString error = nameError(QStringLiteral("--set"), name); !error.isEmpty())
            return error;
        options.settings.emplace_back(name, *value);
    }
    if (parser.isSet(learningRate)) {
        options.learningRate = finiteNumber(parser.value(learningRate));
        if (!options.learningRate || *options.learningRate <= 0)
            return QStringLiteral("--learning-rate: \"%1\" is not a positive number")
                .arg(printable(parser.value(learningRate)));
    }
    if (parser.isSet(optimizer)) {
        options.optimizer = backprop::optimizerFromName(parser.value(optimizer).toStdString());
        if (!options.optimizer)
            return QStringLiteral("--optimizer: \"%1\" is not one of sgd, momentum, rmsprop, adam")
                .arg(printable(parser.value(optimizer)));
    }
    options.trainBiases = parser.isSet(trainBiases);
    if (parser.isSet(batch)) {
        const QString mode = parser.value(batch);
        if (mode == QLatin1String("full")) {
            options.batchMode = backprop::BatchMode::Full;
        } else if (mode == QLatin1String("stochastic")) {
            options.batchMode = backprop::BatchMode::Stochastic;
        } else {
            options.batchSize = mode.toLongLong(&ok);
            if (!ok || options.batchSize < 1)
                return QStringLiteral(
                           "--batch: \"%1\" is not full, stochastic or a size of at least 1")
                    .arg(printable(mode));
            options.batchMode = backprop::BatchMode::MiniBatch;
        }
    }
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed: \"%1\" is not a whole number of at least 0")
                .arg(printable(parser.value(seed)));
    }
    options.select = parser.value(select);
    if (const QString error = nameError(QStringLiteral("--select"), options.select.toStdString());
        !error.isEmpty())
        return error;
    options.presentation = parser.isSet(presentation);
    options.keys = parser.isSet(keys);
    options.quiz = parser.isSet(quiz);
    if (parser.isSet(windowSize)) {
        const QStringList parts = parser.value(windowSize).split(QLatin1Char('x'));
        bool okWidth = false, okHeight = false;
        const int width = parts.size() == 2 ? parts[0].toInt(&okWidth) : 0;
        const int height = parts.size() == 2 ? parts[1].toInt(&okHeight) : 0;
        if (!okWidth || !okHeight || width < 320 || height < 240 || width > 7680 || height > 4320)
            return QStringLiteral("--window-size: \"%1\" is not WxH from 320x240 to 7680x4320")
                .arg(printable(parser.value(windowSize)));
        options.windowSize = QSize(width, height);
    }
    options.screenshot = parser.value(screenshot);
    if (parser.isSet(screenshot)) {
        if (const QString error =
                outputFileError(QStringLiteral("--screenshot"), options.screenshot);
            !error.isEmpty())
            return error;
    }
    if (parser.isSet(race)) {
        for (const QString &entry : parser.value(race).split(QLatin1Char(','))) {
            QStringList parts = entry.split(QLatin1Char(':'));
            const auto kind =
                backprop::optimizerFromName(parts.takeFirst().trimmed().toStdString());
            std::optional<double> rate;
            const bool rateGiven = !parts.isEmpty() && !parts.front().contains(QLatin1Char('='));
            if (rateGiven)
                rate = finiteNumber(parts.takeFirst());
            if (!kind || (rateGiven && (!rate || *rate <= 0)))
                return QStringLiteral("--race: \"%1\" is not OPTIMIZER[:RATE][:NAME=VALUE…] (sgd, "
                                      "momentum, rmsprop, adam; a positive rate; mu, alpha, beta1, "
                                      "beta2, eps)")
                    .arg(printable(entry));
            const std::string hyperparameters = parts.join(QLatin1Char(' ')).toStdString();
            backprop::OptimizerSettings check;
            check.kind = *kind;
            const auto checked = backprop::withHyperparameters(hyperparameters, check);
            if (const auto *error = std::get_if<std::string>(&checked))
                return QStringLiteral("--race: \"%1\": %2")
                    .arg(printable(entry), QString::fromStdString(*error));
            options.race.push_back({*kind, rate, hyperparameters});
        }
        options.raceSteps = parser.value(raceSteps).toLongLong(&ok);
        if (!ok || options.raceSteps < 0 || options.raceSteps > backprop::maxTrainingCount)
            return QStringLiteral("--race-steps: \"%1\" is not a whole number of at least 0")
                .arg(printable(parser.value(raceSteps)));
        const std::optional<double> threshold = finiteNumber(parser.value(raceThreshold));
        if (!threshold || *threshold < 0)
            return QStringLiteral("--race-threshold: \"%1\" is not a number of at least 0")
                .arg(printable(parser.value(raceThreshold)));
        options.raceThreshold = *threshold;
        if (parser.isSet(raceWeights)) {
            const QStringList names = parser.value(raceWeights).split(QLatin1Char(','));
            if (names.size() != 2)
                return QStringLiteral("--race-weights: \"%1\" is not WA,WB")
                    .arg(printable(parser.value(raceWeights)));
            options.raceWeights = {names[0].trimmed().toStdString(),
                                   names[1].trimmed().toStdString()};
        }
        options.raceWindow = parser.isSet(raceWindow);
        if (options.raceWindow && options.headless)
            return QStringLiteral("--race-window shows a window: not with --headless");
        if (!options.raceWindow && (parser.isSet(screenshot) || options.run || options.phases > 0))
            return QStringLiteral("--race runs without a window: not with --screenshot, --run or "
                                  "--phases (--race-window shows it)");
        if (options.raceWindow && (options.run || options.phases > 0))
            return QStringLiteral("--race-window: not with --run or --phases");
        options.headless = !options.raceWindow;
    } else if (parser.isSet(raceWindow)) {
        return QStringLiteral("--race-window goes with --race");
    }
    options.exportPyTorch = parser.value(exportPyTorch);
    if (parser.isSet(exportPyTorch)) {
        if (const QString error =
                outputFileError(QStringLiteral("--export-pytorch"), options.exportPyTorch);
            !error.isEmpty())
            return error;
        if (parser.isSet(screenshot) || options.run || options.phases > 0)
            return QStringLiteral("--export-pytorch runs without a window: not with --screenshot, "
                                  "--run or --phases");
        options.headless = true;
    }
    return options;
}

bool CommandLineOptions::reopensLastLesson() const
{
    return !lessonGiven && !headless && screenshot.isEmpty() && settings.empty()
        && select.isEmpty();
}

QString CommandLineOptions::applyTo(backprop::Lesson &lesson) const
{
    backprop::Lesson changed = lesson;
    for (const auto &[name, value] : settings) {
        const auto id = changed.network.findParameter(name);
        if (!id)
            return QStringLiteral("--set: the lesson has no weight or bias named \"%1\"")
                .arg(QString::fromStdString(backprop::TextCheck::printable(name)));
        changed.network.setValue(*id, value);
    }
    if (learningRate)
        changed.optimizer.learningRate = *learningRate;
    if (optimizer)
        changed.optimizer.kind = *optimizer;
    if (trainBiases)
        changed.optimizer.trainBiases = true;
    if (batchMode) {
        changed.optimizer.batchMode = *batchMode;
        changed.optimizer.batchSize = batchSize;
    }
    if (seed)
        changed.seed = *seed;
    if (!select.isEmpty()) {
        if (!changed.network.findParameter(select.toStdString()))
            return QStringLiteral("--select: the lesson has no weight or bias named \"%1\"")
                .arg(printable(select));
        changed.selectedParameter = select.toStdString();
    }
    lesson = std::move(changed);
    return {};
}
