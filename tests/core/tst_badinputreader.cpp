// Bad input at the lesson reader: networks at and past the size limits, no samples, the
// largest data set, numbers a double cannot hold. Each case is either refused with one line
// that names the field, or read and trained without a crash.

#include "lessonreader.h"
#include "sizelimits.h"
#include "trainer.h"

#include <QTest>

#include <cmath>
#include <string>

using namespace backprop;

namespace {

// A lesson file with `hidden` hidden layers of `neurons` each (weights left to the
// initialisation), `inputs` inputs, `outputs` outputs and `samples` rows of data.
std::string lessonText(int inputs, int hidden, int neurons, int outputs, long samples)
{
    std::string text = R"({"format": 1, "inputs": )" + std::to_string(inputs) + R"(, "layers": [)";
    for (int l = 0; l < hidden; ++l)
        text += R"({"neurons": )" + std::to_string(neurons) + R"(, "activation": "tanh"}, )";
    text += R"({"neurons": )" + std::to_string(outputs) + "}], ";
    const auto row = [](int count, double value) {
        std::string cells = "[";
        for (int k = 0; k < count; ++k) // appended piece by piece: GCC 12 warns on "" + string
            cells.append(k ? ", " : "").append(std::to_string(value));
        return cells + "]";
    };
    std::string data = R"("data": {"inputs": [)";
    std::string targets = R"(], "targets": [)";
    for (long s = 0; s < samples; ++s) {
        data.append(s ? ", " : "").append(row(inputs, 0.001 * static_cast<double>(s % 1000)));
        targets.append(s ? ", " : "").append(row(outputs, s % 2));
    }
    return text + data + targets + "]}}";
}

// The refusal, for a failure message (empty when the lesson was read).
const char *refusalOf(const std::variant<Lesson, std::string> &read)
{
    const auto *error = std::get_if<std::string>(&read);
    return error ? error->c_str() : "";
}

std::variant<Lesson, std::string> readText(const std::string &text)
{
    return LessonReader::read(std::string_view(text), "bad.json");
}

// Trains `iterations` iterations; each ends with a finite loss and finite parameters, or
// with a fault that left the parameters as they were.
bool trainsCleanly(const Lesson &lesson, int iterations)
{
    Trainer trainer;
    if (!trainer.load(lesson).empty())
        return false;
    for (int i = 0; i < iterations; ++i) {
        const Network before = trainer.network();
        const double loss = trainer.runIteration();
        if (trainer.fault())
            return trainer.network() == before && !trainer.fault()->message.empty();
        if (!std::isfinite(loss))
            return false;
    }
    for (const Layer &layer : trainer.network().layers) {
        if (!layer.weights.allFinite() || !layer.biases.allFinite())
            return false;
    }
    return trainer.state().iteration == iterations;
}

} // namespace

class TestBadInputReader : public QObject
{
    Q_OBJECT

private slots:
    void sizeLimits_data();
    void sizeLimits();
    void zeroSamplesRefused();
    void mostSamplesLoadAndTrain();
    void tooManySamplesRefused();
    void numbersBeyondDouble_data();
    void numbersBeyondDouble();
    void largestWeightFaultsCleanly();
};

void TestBadInputReader::sizeLimits_data()
{
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("neurons");
    QTest::addColumn<int>("outputs");
    QTest::addColumn<QString>("refusal"); // empty: read and trained

    const int most = maxNeuronsPerLayer;
    QTest::newRow("8 hidden x 64") << most << maxHiddenLayers << most << most << QString();
    QTest::newRow("no hidden layer") << 1 << 0 << 1 << 1 << QString();
    QTest::newRow("9 hidden layers")
        << 2 << maxHiddenLayers + 1 << 2 << 1
        << "bad.json: layers: 9 hidden layers are more than the 8 this version allows";
    QTest::newRow("65 hidden neurons")
        << 2 << 1 << most + 1 << 1
        << "bad.json: layers[0].neurons: 65 neurons are more than the 64";
    QTest::newRow("65 inputs") << most + 1 << 1 << 2 << 1
                               << "bad.json: inputs: 65 inputs are more than the 64";
    QTest::newRow("65 outputs") << 2 << 1 << 2 << most + 1
                                << "bad.json: layers[1].neurons: 65 neurons are more than the 64";
    QTest::newRow("0 neurons") << 2 << 1 << 0 << 1
                               << "bad.json: layers[0].neurons: expected at least 1, found 0";
}

void TestBadInputReader::sizeLimits()
{
    QFETCH(int, inputs);
    QFETCH(int, hidden);
    QFETCH(int, neurons);
    QFETCH(int, outputs);
    QFETCH(QString, refusal);

    const auto read = readText(lessonText(inputs, hidden, neurons, outputs, 10));
    if (!refusal.isEmpty()) {
        QVERIFY(std::holds_alternative<std::string>(read));
        const QString message = QString::fromStdString(std::get<std::string>(read));
        QVERIFY2(message.startsWith(refusal), qPrintable(message));
        return;
    }
    QVERIFY2(std::holds_alternative<Lesson>(read), refusalOf(read));
    const Lesson &lesson = std::get<Lesson>(read);
    QCOMPARE(lesson.network.layers.size(), std::size_t(hidden + 1));
    QVERIFY(trainsCleanly(lesson, 5));
}

void TestBadInputReader::zeroSamplesRefused()
{
    const auto read = readText(lessonText(2, 1, 2, 1, 0));
    QVERIFY(std::holds_alternative<std::string>(read));
    QCOMPARE(std::get<std::string>(read),
             "bad.json: data.inputs: no samples; a lesson needs at least one row of data");
}

void TestBadInputReader::mostSamplesLoadAndTrain()
{
    const auto read = readText(lessonText(2, 1, 4, 1, maxSamples));
    QVERIFY2(std::holds_alternative<Lesson>(read), refusalOf(read));
    const Lesson &lesson = std::get<Lesson>(read);
    QCOMPARE(lesson.dataset.sampleCount(), Eigen::Index(maxSamples));
    QVERIFY(trainsCleanly(lesson, 1));
}

void TestBadInputReader::tooManySamplesRefused()
{
    const auto read = readText(lessonText(1, 0, 1, 1, maxSamples + 1));
    QVERIFY(std::holds_alternative<std::string>(read));
    QCOMPARE(std::get<std::string>(read),
             "bad.json: data.inputs: 100001 samples are more than the 100000 this version allows");
}

void TestBadInputReader::numbersBeyondDouble_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("refusal"); // empty: read, finite

    QTest::newRow("1e308") << "1e308" << QString();
    QTest::newRow("-0") << "-0" << QString();
    QTest::newRow("denormal") << "4.9e-324" << QString();
    QTest::newRow("underflow to 0") << "1e-400" << QString();
    QTest::newRow("1e309") << "1e309"
                           << "bad.json: layers[0].weights[0][0]: the number is too large";
    QTest::newRow("-1e999") << "-1e999"
                            << "bad.json: layers[0].weights[0][0]: the number is too large";
    QTest::newRow("NaN") << "NaN"
                         << "bad.json: line 1, column";
    QTest::newRow("Infinity") << "Infinity"
                              << "bad.json: line 1, column";
    QTest::newRow("empty row") << ""
                               << "bad.json: layers[0].weights[0]: expected 1 number, found 0";
    QTest::newRow("text") << "\"0.5\""
                          << "bad.json: layers[0].weights[0][0]: expected a number";
}

void TestBadInputReader::numbersBeyondDouble()
{
    QFETCH(QString, number);
    QFETCH(QString, refusal);
    const std::string text = R"({"format": 1, "inputs": 1, "layers": [{"neurons": 1, )"
                             R"("activation": "linear", "bias": "none", "weights": [[)"
        + number.toStdString() + R"(]]}], "data": {"inputs": [[1]], "targets": [[0]]}})";
    const auto read = readText(text);
    if (!refusal.isEmpty()) {
        QVERIFY(std::holds_alternative<std::string>(read));
        const QString message = QString::fromStdString(std::get<std::string>(read));
        QVERIFY2(message.startsWith(refusal), qPrintable(message));
        return;
    }
    QVERIFY2(std::holds_alternative<Lesson>(read), refusalOf(read));
    const double weight = std::get<Lesson>(read).network.layers[0].weights(0, 0);
    QVERIFY(std::isfinite(weight));
    QCOMPARE(weight, number.toDouble());
}

// 1e308 is a double, so the reader takes it; the first product that overflows stops
// training with a fault that names the quantity, and nothing changes.
void TestBadInputReader::largestWeightFaultsCleanly()
{
    const std::string text = R"({"format": 1, "inputs": 1, "layers": [{"neurons": 1, )"
                             R"("activation": "linear", "bias": "none", "weights": [[1e308]]}], )"
                             R"("data": {"inputs": [[0], [1], [2]], "targets": [[0], [2], [4]]}})";
    const auto read = readText(text);
    QVERIFY(std::holds_alternative<Lesson>(read));
    Trainer trainer;
    QCOMPARE(trainer.load(std::get<Lesson>(read)), std::string());
    trainer.runIteration();
    QVERIFY(trainer.fault());
    QVERIFY(!trainer.fault()->message.empty());
    QCOMPARE(trainer.network().layers[0].weights(0, 0), 1e308);
    QCOMPARE(trainer.state().iteration, 0);
}

QTEST_GUILESS_MAIN(TestBadInputReader)
#include "tst_badinputreader.moc"
