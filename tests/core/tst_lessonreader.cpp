// Lesson files: the built-in lessons load with the values of DESIGN.md, every kind of bad
// file is refused with a one-line message naming the field, and write → read is exact.

#include "builtinlessons.h"
#include "lessonfile.h"
#include "lessonreader.h"
#include "lessonwriter.h"
#include "testlessons.h"
#include "trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <cstring>
#include <limits>

using namespace backprop;

namespace {

// A valid lesson that the bad-file table edits one piece at a time. The second layer has no
// names, so its weights are w5…w8 and its biases b_o1, b_o2 by default.
const char baseLesson[] = R"({
  "format": 1,
  "name": "base",
  "inputs": ["i1", "i2"],
  "layers": [
    { "neurons": ["h1", "h2"], "activation": "tanh", "bias": "shared",
      "biasNames": ["b1"], "biases": [0.35],
      "weightNames": [["w1", "w2"], ["w3", "w4"]], "weights": [[0.15, 0.2], [0.25, 0.3]] },
    { "neurons": ["o1", "o2"], "activation": "sigmoid", "bias": "per-neuron",
      "biases": [0.6, 0.7], "weights": [[0.4, 0.45], [0.5, 0.55]] }
  ],
  "loss": "half-squared-error",
  "data": { "inputs": [[0.05, 0.1], [0.2, 0.3]], "targets": [[0.01, 0.99], [0.5, 0.5]] },
  "training": { "optimizer": "sgd", "learningRate": 0.5, "batch": "full", "trainBiases": false },
  "select": "w5"
})";

std::variant<Lesson, std::string> readText(const QByteArray &text)
{
    return LessonReader::read(std::string_view(text.constData(), text.size()), "base.json");
}

Lesson readOrFail(std::string_view text, std::string_view source)
{
    std::variant<Lesson, std::string> result = LessonReader::read(text, source);
    if (const std::string *error = std::get_if<std::string>(&result))
        qWarning("unexpected error: %s", error->c_str());
    return std::holds_alternative<Lesson>(result) ? std::get<Lesson>(result) : Lesson();
}

std::string writeOrFail(const Lesson &lesson)
{
    std::variant<std::string, JsonError> result = LessonWriter::write(lesson);
    if (const JsonError *error = std::get_if<JsonError>(&result))
        qWarning("unexpected error: %s", error->toString().c_str());
    return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
}

// Bit for bit: -0.0 and 0.0 differ here, as they must for save → load to be exact.
bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    // An empty matrix has no data pointer, and memcmp on null is undefined (UBSan says so).
    return a.rows() == b.rows() && a.cols() == b.cols()
        && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void compareLessons(const Lesson &actual, const Lesson &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.description, expected.description);
    QVERIFY(actual.notes == expected.notes);
    QCOMPARE(actual.network.inputCount, expected.network.inputCount);
    QCOMPARE(actual.network.layers.size(), expected.network.layers.size());
    for (std::size_t l = 0; l < expected.network.layers.size(); ++l) {
        const Layer &a = actual.network.layers[l], &e = expected.network.layers[l];
        QVERIFY(sameBits(a.weights, e.weights));
        QVERIFY(sameBits(a.biases, e.biases));
        QCOMPARE(a.activation, e.activation);
        QCOMPARE(a.biasMode, e.biasMode);
    }
    QCOMPARE(actual.network.neuronNames, expected.network.neuronNames);
    QCOMPARE(actual.network.weightNames, expected.network.weightNames);
    QCOMPARE(actual.network.biasNames, expected.network.biasNames);
    QVERIFY(actual.network == expected.network);
    QVERIFY(sameBits(actual.dataset.inputs, expected.dataset.inputs));
    QVERIFY(sameBits(actual.dataset.targets, expected.dataset.targets));
    QCOMPARE(actual.loss, expected.loss);
    QVERIFY(actual.optimizer == expected.optimizer);
    QVERIFY(sameBits(actual.optimizer.learningRate, expected.optimizer.learningRate));
    QCOMPARE(actual.initialization, expected.initialization);
    QCOMPARE(actual.seed, expected.seed);
    QCOMPARE(actual.selectedParameter, expected.selectedParameter);
}

QByteArray rows(int count, const char *row)
{
    QByteArray text = "[";
    for (int i = 0; i < count; ++i)
        text += (i ? ", " : "") + QByteArray(row);
    return text + "]";
}

} // namespace

class TestLessonReader : public QObject
{
    Q_OBJECT

private slots:
    void baseLessonIsValid()
    {
        const std::variant<Lesson, std::string> result = readText(baseLesson);
        QVERIFY2(std::holds_alternative<Lesson>(result),
                 std::holds_alternative<std::string>(result) ? std::get<std::string>(result).c_str()
                                                             : "");
        const Lesson &lesson = std::get<Lesson>(result);
        QCOMPARE(lesson.title, std::string("base")); // the name when there is no title
        QCOMPARE(lesson.network.nameOf(*lesson.network.findParameter("w8")), std::string("w8"));
        QCOMPARE(lesson.network.biasNames[1], (std::vector<std::string> {"b_o1", "b_o2"}));
        QCOMPARE(lesson.dataset.inputs(1, 0), 0.1); // rows in the file are columns here
        QCOMPARE(lesson.dataset.targets(0, 1), 0.5);
    }

    void builtInLessonsMatchDesign_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("two-two-two") << "two-two-two";
        QTest::newRow("one-weight") << "one-weight";
    }
    void builtInLessonsMatchDesign()
    {
        QFETCH(QString, name);
        const Lesson expected =
            name == "one-weight" ? testlessons::oneWeight() : testlessons::twoTwoTwo();
        const std::string text(builtInLessonText(name.toStdString()));
        QVERIFY(!text.empty());
        const Lesson lesson = readOrFail(text, name.toStdString());
        QCOMPARE(lesson.name, name.toStdString());
        QVERIFY(!lesson.title.empty());
        QVERIFY(!lesson.description.empty());
        QVERIFY(lesson.network == expected.network);
        QVERIFY(lesson.dataset == expected.dataset);
        QCOMPARE(lesson.loss, expected.loss);
        QVERIFY(lesson.optimizer == expected.optimizer);
        QCOMPARE(lesson.selectedParameter, expected.selectedParameter);
    }

    // Spelled out once more, so a change to the shared test lessons cannot hide one here.
    void twoTwoTwoValues()
    {
        const Lesson lesson = readOrFail(builtInLessonText("two-two-two"), "two-two-two");
        const Network &network = lesson.network;
        const double weights[] = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
        for (int k = 0; k < 8; ++k) {
            // (std::string("w") + …: "w" + std::to_string trips GCC 12's -Wstringop-overflow)
            const auto id = network.findParameter(std::string("w").append(std::to_string(k + 1)));
            QVERIFY(id);
            QCOMPARE(network.value(*id), weights[k]);
        }
        QCOMPARE(*network.findParameter("w2"), (ParameterId {ParameterId::Kind::Weight, 0, 0, 1}));
        QCOMPARE(*network.findParameter("w7"), (ParameterId {ParameterId::Kind::Weight, 1, 1, 0}));
        QCOMPARE(network.value(*network.findParameter("b1")), 0.35);
        QCOMPARE(network.value(*network.findParameter("b2")), 0.60);
        QCOMPARE(network.layers[0].biasMode, BiasMode::SharedPerLayer);
        QCOMPARE(network.layers[1].activation, Activation::Sigmoid);
        QCOMPARE(network.neuronNames[1], (std::vector<std::string> {"h1", "h2"}));
        QCOMPARE(lesson.optimizer.trainBiases, false);
        QCOMPARE(lesson.optimizer.batchMode, BatchMode::Full);
    }

    void builtInLessonsTrain_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<double>("below");
        QTest::newRow("one-weight reaches W = 2") << "one-weight" << 60 << 1e-12;
        QTest::newRow("xor converges") << "xor" << 20000 << 0.01;
    }
    void builtInLessonsTrain()
    {
        QFETCH(QString, name);
        QFETCH(int, iterations);
        QFETCH(double, below);
        const Lesson lesson = readOrFail(builtInLessonText(name.toStdString()), "built-in");
        Trainer trainer;
        QCOMPARE(QString::fromStdString(trainer.load(lesson)), QString());
        const double first = trainer.runIteration();
        double error = first;
        for (int i = 1; i < iterations && error >= below; ++i)
            error = trainer.runIteration();
        QVERIFY2(error < below, qPrintable(QString::number(error)));
        QVERIFY(first > 0.1);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("keywords");
        const QByteArray base(baseLesson);
        const qsizetype layersStart = base.indexOf("\"layers\"");
        const QByteArray layersText =
            base.mid(layersStart, base.indexOf("\n  ]") + 4 - layersStart);
        const qsizetype dataStart = base.indexOf("\"data\"");
        const QByteArray dataText =
            base.mid(dataStart, base.indexOf(" },\n", dataStart) + 2 - dataStart);
        const auto row = [](const char *name, QByteArray from, QByteArray to, QString path,
                            QStringList keywords) {
            QTest::newRow(name) << from << to << path << keywords;
        };
        // JSON that is not well-formed: the position instead of a field path.
        row("truncated", "\"select\": \"w5\"\n}", "\"select\": \"w5\"\n", "line 16, column 1",
            {"expected ',' or '}'", "end of the text"});
        row("missing comma", "\"format\": 1,", "\"format\": 1", "line 3, column 3",
            {"expected ',' or '}'"});
        row("trailing garbage", "\"w5\"\n}", "\"w5\"\n}}", "line 16, column 2",
            {"unexpected '}' after the value"});
        row("duplicate key", "\"name\": \"base\",", "\"name\": \"base\", \"name\": \"b\",",
            "line 3, column 19", {"duplicate key \"name\""});
        row("NaN literal", "[0.15, 0.2]", "[NaN, 0.2]", "line 8, column 65", {"expected a value"});
        row("nested too deep", "\"name\": \"base\",",
            "\"name\": \"base\", \"x\": " + QByteArray(65, '[') + QByteArray(65, ']') + ",",
            "line 3, column 87", {"deeper than 64"});
        // The format.
        row("newer format", "\"format\": 1", "\"format\": 2", "format",
            {"was written by a newer Backprop Lab (format 2); this version reads format 1"});
        row("newer format with new fields", "\"format\": 1", "\"format\": 2, \"future\": 1",
            "format", {"newer Backprop Lab"});
        row("format 0", "\"format\": 1", "\"format\": 0", "format", {"unknown format"});
        row("format 1.5", "\"format\": 1", "\"format\": 1.5", "format", {"unknown format"});
        row("format as text", "\"format\": 1", "\"format\": \"1\"", "format",
            {"expected a number, found a string"});
        row("no format", "\"format\": 1,", "", "format", {"required field is missing"});
        // Unknown and missing fields.
        row("unknown top-level field", "\"select\"", "\"selected\"", "selected",
            {"unknown field", "select"});
        row("unknown layer field", "\"activation\": \"tanh\"", "\"activaton\": \"tanh\"",
            "layers[0].activaton", {"unknown field", "activation"});
        row("unknown training field", "\"learningRate\"", "\"learningrate\"",
            "training.learningrate", {"unknown field", "learningRate"});
        row("unknown data field", "\"targets\"", "\"target\"", "data.target", {"unknown field"});
        row("no data", dataText + ",", "", "data", {"required field is missing"});
        row("no layers", layersText + ",", "", "layers", {"required field is missing"});
        row("no neurons", "\"neurons\": [\"h1\", \"h2\"],", "", "layers[0].neurons",
            {"required field is missing"});
        // Wrong types.
        row("inputs as text", "\"inputs\": [\"i1\", \"i2\"]", "\"inputs\": \"i1\"", "inputs",
            {"expected an array, found a string"});
        row("weight as text", "[0.15, 0.2]", "[0.15, \"0.2\"]", "layers[0].weights[0][1]",
            {"expected a number, found a string"});
        row("name as number", "\"name\": \"base\"", "\"name\": 7", "name",
            {"expected a string, found a number"});
        row("layers as object", layersText, "\"layers\": {}", "layers",
            {"expected an array, found an object"});
        row("trainBiases as text", "\"trainBiases\": false", "\"trainBiases\": \"no\"",
            "training.trainBiases", {"expected a boolean"});
        // Shapes.
        row("three weight rows", "[[0.4, 0.45], [0.5, 0.55]]",
            "[[0.4, 0.45], [0.5, 0.55], [0.6, 0.65]]", "layers[1].weights",
            {"expected 2 rows of 2 numbers, found 3 rows"});
        row("three weight columns", "[[0.4, 0.45], [0.5, 0.55]]", "[[0.4, 0.45, 0.1], [0.5, 0.55]]",
            "layers[1].weights[0]", {"expected 2 numbers, found 3"});
        row("empty weights", "[[0.4, 0.45], [0.5, 0.55]]", "[]", "layers[1].weights",
            {"found 0 rows"});
        row("weight row not an array", "[[0.4, 0.45], [0.5, 0.55]]", "[0.4, 0.45]",
            "layers[1].weights[0]", {"expected an array, found a number"});
        row("too few biases", "\"biases\": [0.6, 0.7]", "\"biases\": [0.6]", "layers[1].biases",
            {"\"per-neuron\" takes 2 biases, found 1 number"});
        row("shared bias with two values", "\"biases\": [0.35]", "\"biases\": [0.35, 0.1]",
            "layers[0].biases", {"\"shared\" takes 1 bias, found 2"});
        row("biases without bias", "\"bias\": \"shared\"", "\"bias\": \"none\"", "layers[0].biases",
            {"\"none\" takes 0 biases"});
        row("bias names count", "\"biasNames\": [\"b1\"]", "\"biasNames\": [\"b1\", \"b2\"]",
            "layers[0].biasNames", {"takes 1 bias, found 2 names"});
        row("weight names shape", "[[\"w1\", \"w2\"], [\"w3\", \"w4\"]]", "[[\"w1\", \"w2\"]]",
            "layers[0].weightNames", {"expected 2 rows of 2 names, found 1 row"});
        row("input row too long", "[[0.05, 0.1], [0.2, 0.3]]", "[[0.05, 0.1, 0.2], [0.2, 0.3]]",
            "data.inputs[0]", {"expected 2 numbers (one per input), found 3"});
        row("target row too short", "[[0.01, 0.99], [0.5, 0.5]]", "[[0.01, 0.99], [0.5]]",
            "data.targets[1]", {"expected 2 numbers (one per output), found 1"});
        row("fewer targets than inputs", "[[0.01, 0.99], [0.5, 0.5]]", "[[0.01, 0.99]]",
            "data.targets", {"expected 2 rows", "found 1"});
        row("zero samples",
            "{ \"inputs\": [[0.05, 0.1], [0.2, 0.3]], \"targets\": [[0.01, 0.99], [0.5, 0.5]] }",
            "{ \"inputs\": [], \"targets\": [] }", "data.inputs", {"no samples", "at least one"});
        // Names.
        row("unknown activation", "\"tanh\"", "\"tangent\"", "layers[0].activation",
            {"unknown activation \"tangent\"", "sigmoid", "leaky-relu", "softmax"});
        row("unknown bias mode", "\"per-neuron\"", "\"each\"", "layers[1].bias",
            {"unknown bias mode \"each\"", "shared"});
        row("unknown loss", "\"half-squared-error\"", "\"squared\"", "loss",
            {"unknown loss \"squared\"", "mean-squared-error"});
        row("unknown optimizer", "\"sgd\"", "\"lbfgs\"", "training.optimizer",
            {"unknown optimizer \"lbfgs\"", "adam"});
        row("unknown initialization", "\"trainBiases\": false",
            "\"trainBiases\": false, \"initialization\": \"glorot\"", "training.initialization",
            {"unknown initialization \"glorot\"", "xavier"});
        row("duplicate neuron name", "[\"h1\", \"h2\"]", "[\"h1\", \"h1\"]", "layers[0].neurons[1]",
            {"the name \"h1\" is already used by layers[0].neurons[0]"});
        row("weight named like a neuron", "[\"w3\", \"w4\"]", "[\"w3\", \"i2\"]",
            "layers[0].weightNames[1][1]", {"\"i2\" is already used by inputs[1]"});
        row("given name clashes with a default", "[\"w3\", \"w4\"]", "[\"w3\", \"w6\"]",
            "layers[1].weightNames[0][1]",
            {"the default name \"w6\" is already used by layers[0].weightNames[1][1]"});
        row("empty name", "[\"h1\", \"h2\"]", "[\"h1\", \"\"]", "layers[0].neurons[1]",
            {"empty name"});
        // Names that would fake a line of output or display as another name.
        row("line feed in a weight name", "[\"w3\", \"w4\"]", "[\"w3\", \"w1 = 999\\nfake\"]",
            "layers[0].weightNames[1][1]",
            {"the name \"w1 = 999?fake\" contains a control character (U+000A)"});
        row("NUL in a neuron name", "[\"h1\", \"h2\"]", "[\"h1\", \"h\\u00002\"]",
            "layers[0].neurons[1]", {"the name \"h?2\" contains a NUL character (U+0000)"});
        row("right-to-left override in an input name", "[\"i1\", \"i2\"]",
            "[\"i1\", \"\\u202Ei2\"]", "inputs[1]",
            {"the name \"?i2\" contains a bidirectional control character (U+202E)"});
        row("isolate in a bias name", "[\"b1\"]", "[\"b\\u20661\"]", "layers[0].biasNames[0]",
            {"contains a bidirectional control character (U+2066)"});
        row("right-to-left mark in the lesson name", "\"name\": \"base\"",
            "\"name\": \"ba\\u200Fse\"", "name",
            {"the name \"ba?se\" contains a bidirectional control character (U+200F)"});
        row("tab in a neuron name", "[\"h1\", \"h2\"]", "[\"h1\", \"h\\t2\"]",
            "layers[0].neurons[1]", {"contains a control character (U+0009)"});
        row("select unknown", "\"select\": \"w5\"", "\"select\": \"w9\"", "select",
            {"no weight or bias is named \"w9\""});
        row("select a neuron", "\"select\": \"w5\"", "\"select\": \"h1\"", "select",
            {"no weight or bias is named \"h1\""});
        // Numbers.
        row("overflowing weight", "[0.15, 0.2]", "[1e999, 0.2]", "layers[0].weights[0][0]",
            {"too large", "infinite"});
        row("overflowing bias", "[0.35]", "[-1e400]", "layers[0].biases[0]", {"infinite"});
        row("overflowing input", "[[0.05, 0.1], [0.2, 0.3]]", "[[0.05, 0.1], [0.2, 1e309]]",
            "data.inputs[1][1]", {"infinite"});
        row("overflowing target", "[[0.01, 0.99], [0.5, 0.5]]", "[[0.01, 0.99], [0.5, 2e308]]",
            "data.targets[1][1]", {"infinite"});
        // Limits, refused before anything is allocated.
        row("a billion neurons", "\"neurons\": [\"h1\", \"h2\"]", "\"neurons\": 1000000000",
            "layers[0].neurons", {"1000000000 neurons are more than the 64"});
        row("a billion inputs", "\"inputs\": [\"i1\", \"i2\"]", "\"inputs\": 1e9", "inputs",
            {"1000000000 inputs are more than the 64"});
        row("65 neuron names", "[\"h1\", \"h2\"]", rows(65, "\"h\""), "layers[0].neurons",
            {"65 neurons are more than the 64"});
        row("zero neurons", "\"neurons\": [\"h1\", \"h2\"]", "\"neurons\": 0", "layers[0].neurons",
            {"expected at least 1, found 0"});
        row("no neuron names", "[\"h1\", \"h2\"]", "[]", "layers[0].neurons", {"at least 1"});
        row("half a neuron", "\"neurons\": [\"h1\", \"h2\"]", "\"neurons\": 2.5",
            "layers[0].neurons", {"whole number"});
        row("no layers at all", layersText, "\"layers\": []", "layers", {"at least 1 layer"});
        row("nine hidden layers", "\"layers\": [",
            "\"layers\": [" + QByteArray("{ \"neurons\": 2 }, ").repeated(8), "layers",
            {"9 hidden layers are more than the 8"});
        row("too many samples", "\"inputs\": [[0.05, 0.1], [0.2, 0.3]]",
            "\"inputs\": " + rows(100001, "[0, 0]"), "data.inputs",
            {"100001 samples are more than the 100000"});
        // Softmax only as the output of categorical cross-entropy.
        row("softmax on a hidden layer", "\"tanh\"", "\"softmax\"", "layers[0].activation",
            {"softmax is only allowed on the output layer"});
        row("softmax with squared error", "\"sigmoid\"", "\"softmax\"", "layers[1].activation",
            {"softmax needs the loss \"categorical-cross-entropy\"", "half-squared-error"});
        row("cross-entropy without softmax", "\"half-squared-error\"",
            "\"categorical-cross-entropy\"", "loss", {"needs a softmax output layer"});
        // Training settings.
        row("zero learning rate", "\"learningRate\": 0.5", "\"learningRate\": 0",
            "training.learningRate", {"greater than 0"});
        row("negative learning rate", "\"learningRate\": 0.5", "\"learningRate\": -0.1",
            "training.learningRate", {"greater than 0"});
        row("infinite learning rate", "\"learningRate\": 0.5", "\"learningRate\": 1e999",
            "training.learningRate", {"infinite"});
        row("learning rate as text", "\"learningRate\": 0.5", "\"learningRate\": \"fast\"",
            "training.learningRate", {"expected a number, found a string"});
        row("batch of zero", "\"batch\": \"full\"", "\"batch\": 0", "training.batch",
            {"at least 1"});
        row("batch larger than the data", "\"batch\": \"full\"", "\"batch\": 3", "training.batch",
            {"more than the 2"});
        row("unknown batch", "\"batch\": \"full\"", "\"batch\": \"mini\"", "training.batch",
            {"unknown batch \"mini\"", "stochastic"});
        row("momentum of 1", "\"trainBiases\": false", "\"trainBiases\": false, \"momentum\": 1",
            "training.momentum", {"less than 1"});
        // The guide's notes (issue 17): an object of strings, one per view.
        row("notes as text", "\"name\": \"base\",", "\"name\": \"base\", \"notes\": \"hi\",",
            "notes", {"expected an object, found a string"});
        row("note as number", "\"name\": \"base\",",
            "\"name\": \"base\", \"notes\": {\"curve\": 3},", "notes.curve",
            {"expected a string, found a number"});
        row("note of an unknown view", "\"name\": \"base\",",
            "\"name\": \"base\", \"notes\": {\"curves\": \"x\"},", "notes.curves",
            {"unknown field", "curve"});
        row("negative seed", "\"trainBiases\": false", "\"trainBiases\": false, \"seed\": -1",
            "training.seed", {"whole number"});
        row("fractional seed", "\"trainBiases\": false", "\"trainBiases\": false, \"seed\": 1.5",
            "training.seed", {"whole number"});
    }
    void badFiles()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, path);
        QFETCH(QStringList, keywords);
        QByteArray text = baseLesson;
        QVERIFY2(text.contains(from), "the table's text is not in the base lesson");
        text.replace(text.indexOf(from), from.size(), to);

        QElapsedTimer timer;
        timer.start();
        const std::variant<Lesson, std::string> result = readText(text);
        QVERIFY(timer.elapsed() < 2000); // refused quickly, never by allocating a billion
        QVERIFY2(std::holds_alternative<std::string>(result), "the bad file was accepted");
        const QString message = QString::fromStdString(std::get<std::string>(result));
        const QString prefix = path.isEmpty() ? "base.json: " : "base.json: " + path + ": ";
        QVERIFY2(message.startsWith(prefix), qPrintable(message));
        for (const QString &keyword : keywords)
            QVERIFY2(message.contains(keyword), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }

    void notALesson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("array") << QByteArray("[]") << "x.json: expected an object, found an array";
        QTest::newRow("number") << QByteArray("42") << "x.json: expected an object, found a number";
        QTest::newRow("empty object") << QByteArray("{}")
                                      << "x.json: format: required field is missing (a lesson "
                                         "file starts with \"format\": 1)";
        QTest::newRow("format number too large")
            << QByteArray("{\"format\": 1e300}")
            << "x.json: format: 1e+300 is too large to be a format number; this version reads "
               "format 1";
        QTest::newRow("empty text") << QByteArray("")
                                    << "x.json: line 1, column 1: expected a value, found the end "
                                       "of the text";
    }
    void notALesson()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const std::variant<Lesson, std::string> result =
            LessonReader::read(std::string_view(text.constData(), text.size()), "x.json");
        QVERIFY(std::holds_alternative<std::string>(result));
        QCOMPARE(QString::fromStdString(std::get<std::string>(result)), message);
    }

    void missingFile()
    {
        const std::variant<Lesson, std::string> result =
            LessonReader::readFile(BACKPROP_TEST_DATA_DIR "/no-such-lesson.json");
        QVERIFY(std::holds_alternative<std::string>(result));
        QVERIFY(std::get<std::string>(result).ends_with(
            "no-such-lesson.json: cannot open the file (No such file or directory)"));
    }

    // Layers without weights are drawn from the lesson's initialization and seed; the given
    // layers keep their values.
    void missingWeightsAreInitialized()
    {
        QByteArray text = baseLesson;
        text.replace(", \"weights\": [[0.4, 0.45], [0.5, 0.55]]", "");
        const Lesson first = readOrFail(text.toStdString(), "base.json");
        const Lesson again = readOrFail(text.toStdString(), "base.json");
        QVERIFY(sameBits(first.network.layers[1].weights, again.network.layers[1].weights));
        QCOMPARE(first.network.layers[0].weights(0, 0), 0.15);
        QCOMPARE(first.network.layers[1].biases(1), 0.7); // given biases are kept

        Network expected = first.network;
        initialize(expected, first.initialization, first.seed);
        QVERIFY(sameBits(first.network.layers[1].weights, expected.layers[1].weights));

        text.replace("\"trainBiases\": false", "\"trainBiases\": false, \"seed\": 2");
        const Lesson otherSeed = readOrFail(text.toStdString(), "base.json");
        QVERIFY(otherSeed.network.layers[1].weights != first.network.layers[1].weights);
        QCOMPARE(otherSeed.seed, std::uint64_t(2));
    }

    void countsGiveDefaultNames()
    {
        const char text[] = R"({"format": 1, "inputs": 3, "layers": [{"neurons": 4},
            {"neurons": 2, "activation": "softmax", "bias": "none"}, {"neurons": 1}],
            "loss": "mean-squared-error",
            "data": {"inputs": [[1, 2, 3]], "targets": [[1]]}})";
        const std::variant<Lesson, std::string> result =
            LessonReader::read(text, "dir/counts.json");
        QVERIFY(std::holds_alternative<std::string>(result)); // softmax not on the output
        QByteArray fixed(text);
        fixed.replace("\"softmax\"", "\"relu\"");
        const Lesson lesson = readOrFail(fixed.toStdString(), "dir/counts.json");
        QCOMPARE(lesson.name, std::string("counts")); // from the source when not given
        QCOMPARE(lesson.network.neuronNames[0], (std::vector<std::string> {"i1", "i2", "i3"}));
        QCOMPARE(lesson.network.neuronNames[1][3], std::string("h1_4"));
        QCOMPARE(lesson.network.layers[1].biases.size(), Eigen::Index(0));
        QCOMPARE(lesson.network.layers[2].weights.cols(), Eigen::Index(2));
        QCOMPARE(lesson.loss, Loss::MeanSquaredError);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const BuiltInLesson &lesson : builtInLessons())
            QTest::newRow(std::string(lesson.name).c_str())
                << QByteArray(lesson.text.data(), lesson.text.size());
        QTest::newRow("base") << QByteArray(baseLesson);
        // Every setting away from its default, awkward doubles, drawn weights.
        QByteArray unusual = baseLesson;
        unusual.replace("0.15, 0.2", "0.30000000000000004, -0")
            .replace("0.35", "5e-324")
            .replace("[0.5, 0.5]", "[1.7976931348623157e308, 0.3333333333333333]")
            .replace(", \"weights\": [[0.4, 0.45], [0.5, 0.55]]", "")
            .replace("\"half-squared-error\"", "\"binary-cross-entropy\"")
            .replace("\"name\": \"base\",",
                     "\"name\": \"base\", \"title\": \"Ünïcode ∂E/∂w\", "
                     "\"description\": \"line 1\\nline 2 \\\"quoted\\\"\", "
                     "\"notes\": {\"curve\": \"The slope ∂E/∂w\", \"table\": \"Σ\\nrows\"},")
            .replace("\"training\": {",
                     "\"training\": { \"momentum\": 0.8, \"alpha\": 0.9, \"beta1\": 0.8, "
                     "\"beta2\": 0.99, \"epsilon\": 1e-7, \"initialization\": \"he\", "
                     "\"seed\": 18446744073709551615, ")
            .replace("\"sgd\"", "\"adam\"")
            .replace("\"full\"", "2")
            .replace("false", "true");
        QTest::newRow("unusual") << unusual;
        QByteArray stochastic = baseLesson;
        stochastic.replace("\"full\"", "\"stochastic\"")
            .replace(",\n  \"select\": \"w5\"", "")
            .replace("\"half-squared-error\"", "\"sum-squared-error\"");
        QTest::newRow("stochastic, nothing selected") << stochastic;
    }
    void roundTrip()
    {
        QFETCH(QByteArray, text);
        const Lesson original = readOrFail(text.toStdString(), "original.json");
        QVERIFY(!original.name.empty());
        const std::string written = writeOrFail(original);
        const Lesson back = readOrFail(written, "written.json");
        compareLessons(back, original);
        QCOMPARE(writeOrFail(back), written); // the text is stable too
    }

    void writeRefusesWhatCannotBeRead()
    {
        Lesson lesson = testlessons::twoTwoTwo();
        lesson.network.layers[1].weights(1, 0) = std::numeric_limits<double>::quiet_NaN();
        std::variant<std::string, JsonError> result = LessonWriter::write(lesson);
        QVERIFY(std::holds_alternative<JsonError>(result));
        QVERIFY2(std::get<JsonError>(result).message.starts_with("layers[1].weights[1][0]: NaN"),
                 std::get<JsonError>(result).message.c_str());

        lesson = testlessons::twoTwoTwo();
        lesson.dataset.targets.resize(3, 1);
        QVERIFY(std::holds_alternative<JsonError>(LessonWriter::write(lesson)));
    }

    void writeFileThenReadFile()
    {
        const QString path = QDir::temp().filePath("tst_lessonreader-written.json");
        const Lesson lesson = readOrFail(builtInLessonText("xor"), "xor");
        QCOMPARE(QString::fromStdString(
                     LessonFile::writeFile({lesson, std::nullopt}, path.toStdString())),
                 QString());
        const std::variant<Lesson, std::string> back = LessonReader::readFile(path.toStdString());
        QVERIFY(std::holds_alternative<Lesson>(back));
        compareLessons(std::get<Lesson>(back), lesson);
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestLessonReader)
#include "tst_lessonreader.moc"
