// Saved lessons: a lesson saved mid-training and reopened continues bit-identically, and
// files whose training state is wrong are refused with a message that names the field.

#include "lessonfile.h"
#include "lessonlibrary.h"
#include "lessonreader.h"
#include "lessonwriter.h"
#include "networkbuilder.h"
#include "trainer.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <QTest>
#include <cstring>

using namespace backprop;

class TestLessonFile : public QObject
{
    Q_OBJECT

private:
    // XOR with Adam on mini-batches of 3 of its 4 samples: batches straddle epochs, so the
    // sample order, the batch start and the generator all matter.
    static Lesson adamXor()
    {
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.kind = OptimizerKind::Adam;
        lesson.optimizer.learningRate = 0.05;
        lesson.optimizer.batchMode = BatchMode::MiniBatch;
        lesson.optimizer.batchSize = 3;
        lesson.optimizer.trainBiases = true;
        return lesson;
    }

    static SavedLesson saveOf(const Lesson &lesson, const Trainer &trainer)
    {
        SavedLesson saved {lesson, trainer.iterationStartState()};
        saved.lesson.network = saved.state->network;
        saved.lesson.optimizer = saved.state->settings;
        return saved;
    }

    static QString savedText()
    {
        Trainer trainer;
        const Lesson lesson = adamXor();
        trainer.load(lesson);
        for (int k = 0; k < 5; ++k)
            trainer.runIteration();
        return QString::fromStdString(
            std::get<std::string>(LessonFile::write(saveOf(lesson, trainer))));
    }

private slots:
    void continuesBitIdentically_data()
    {
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("phases"); // single phases stepped into the next iteration
        QTest::newRow("at an iteration start") << 37 << 0;
        QTest::newRow("at an epoch start, mid-iteration") << 4 << 3; // 4 × 3 = 3 epochs
        QTest::newRow("mid-iteration") << 10 << 5;
    }

    void continuesBitIdentically()
    {
        QFETCH(int, iterations);
        QFETCH(int, phases);
        const Lesson lesson = adamXor();
        Trainer original;
        QVERIFY(original.load(lesson).empty());
        for (int k = 0; k < iterations; ++k)
            original.runIteration();
        for (int k = 0; k < phases; ++k)
            original.step(Granularity::Phase);

        QTemporaryDir folder;
        const std::filesystem::path path = folder.filePath("saved.json").toStdString();
        QCOMPARE(LessonFile::writeFile(saveOf(lesson, original), path), std::string());
        auto read = LessonFile::readFile(path);
        if (auto *error = std::get_if<std::string>(&read))
            QFAIL(error->c_str());
        const SavedLesson reopened = std::get<SavedLesson>(read);
        QVERIFY(reopened.state);
        QCOMPARE(reopened.state->iteration, iterations);
        QVERIFY(reopened.state->optimizer == original.iterationStartState().optimizer);

        Trainer continued;
        QVERIFY(continued.load(reopened.lesson).empty());
        continued.restore(*reopened.state);
        QVERIFY(continued.state() == original.iterationStartState());
        for (int k = 0; k < 100; ++k) {
            const double expected = original.runIteration();
            const double actual = continued.runIteration();
            // Bit-identical, not merely close.
            QCOMPARE(std::memcmp(&expected, &actual, sizeof(double)), 0);
        }
        QVERIFY(continued.state() == original.state());
        QCOMPARE(continued.state().optimizer.step, iterations + 100);
    }

    void plainLessonsStayFormatOne()
    {
        const SavedLesson saved {adamXor(), std::nullopt};
        const std::string text = std::get<std::string>(LessonFile::write(saved));
        QVERIFY(text.find("\"format\": 1") != std::string::npos);
        QVERIFY(text.find("\"state\"") == std::string::npos);
        const auto read = LessonFile::read(text, "plain.json");
        QVERIFY(std::holds_alternative<SavedLesson>(read));
        QVERIFY(!std::get<SavedLesson>(read).state);
    }

    void refusesBadStates_data()
    {
        // A pattern in the saved text, its replacement, and what the message must say.
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("message");
        QTest::newRow("newer format") << "\"format\": 2"
                                      << "\"format\": 3"
                                      << "format: was written by a newer Backprop Lab (format 3)";
        QTest::newRow("format number too large")
            << "\"format\": 2"
            << "\"format\": 1e300"
            << "format: 1e+300 is too large to be a format number; this version reads formats 1 "
               "and 2";
        QTest::newRow("state in format 1") << "\"format\": 2"
                                           << "\"format\": 1"
                                           << "state: unknown field";
        QTest::newRow("order too long") << "\"order\": \\["
                                        << "\"order\": [0, "
                                        << "state.order: expected 4 sample indices";
        QTest::newRow("order repeats a sample") << "\"order\": \\[[^\\]]*\\]"
                                                << "\"order\": [0, 0, 1, 2]"
                                                << "state.order[1]: sample 0 appears twice";
        QTest::newRow("batch start past the data") << "\"batchStart\": \\d+"
                                                   << "\"batchStart\": 9"
                                                   << "state.batchStart";
        QTest::newRow("generator as text") << "\"random\": \\["
                                           << "\"random\": [\"x\", "
                                           << "state.random";
        QTest::newRow("generator all zeros") << "\"random\": \\[[^\\]]*\\]"
                                             << "\"random\": [0, 0, 0, 0]"
                                             << "all zeros";
        QTest::newRow("memory of the wrong shape") << "\"first\": \\["
                                                   << "\"first\": [[], "
                                                   << "state.optimizer.first: expected 2 layers";
        QTest::newRow("negative step") << "\"step\": "
                                       << "\"step\": -"
                                       << "state.optimizer.step";
        // A batch of 3 starts at 0 or 3 of the 4 samples; at 2 it would overrun the buffer
        // of the epoch's last, one-sample batch (heap corruption before the check).
        QTest::newRow("batch start inside a batch")
            << "\"batchStart\": \\d+"
            << "\"batchStart\": 2"
            << "state.batchStart: batches of 3 samples start at multiples of 3, found 2";
        QTest::newRow("more epochs than iterations")
            << "\"epoch\": \\d+"
            << "\"epoch\": 7"
            << "state.epoch: 7 completed epochs and 1 batch of this epoch need at least 8 "
               "iterations, found 5";
        QTest::newRow("more optimizer steps than iterations")
            << "\"step\": \\d+"
            << "\"step\": 6"
            << "state.optimizer.step: the optimizer cannot have taken more steps (6) than the "
               "iterations trained (5)";
        QTest::newRow("negative second moment")
            << "\"second\": \\[\\s*\\{\\s*\"weights\": \\[\\s*\\[[^,\\]]*"
            << "\"second\": [{\"weights\": [[-0.5"
            << "state.optimizer.second[0].weights[0][0]: a second moment is a mean of squared "
               "gradients and cannot be negative, found -0.5";
        QTest::newRow("infinite memory")
            << "\"second\": \\[\\s*\\{\\s*\"weights\": \\[\\s*\\[[^,\\]]*"
            << "\"second\": [{\"weights\": [[1e999"
            << "state.optimizer.second[0].weights[0][0]";
    }

    // A saved lesson opened with other settings (--batch, --optimizer) restarts the epoch
    // at its weights, exactly as changing the settings in the running trainer does. The
    // lesson is saved at batch start 3 of batches of 3 (iteration 137): before, every other
    // batch size read outside the gathering buffers (SIGSEGV).
    void otherSettingsRestartTheEpoch_data()
    {
        QTest::addColumn<int>("mode"); // BatchMode
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("optimizer"); // OptimizerKind
        const int adam = static_cast<int>(OptimizerKind::Adam);
        const int miniBatch = static_cast<int>(BatchMode::MiniBatch);
        QTest::newRow("batch 2") << miniBatch << 2 << adam;
        QTest::newRow("batch 4") << miniBatch << 4 << adam;
        QTest::newRow("batch 5") << miniBatch << 5 << adam;
        QTest::newRow("full") << static_cast<int>(BatchMode::Full) << 1 << adam;
        QTest::newRow("stochastic") << static_cast<int>(BatchMode::Stochastic) << 1 << adam;
        QTest::newRow("same batch, sgd")
            << miniBatch << 3 << static_cast<int>(OptimizerKind::GradientDescent);
        QTest::newRow("batch 2, rmsprop")
            << miniBatch << 2 << static_cast<int>(OptimizerKind::RmsProp);
    }

    void otherSettingsRestartTheEpoch()
    {
        QFETCH(int, mode);
        QFETCH(int, size);
        QFETCH(int, optimizer);
        const Lesson lesson = adamXor();
        Trainer original;
        QVERIFY(original.load(lesson).empty());
        for (int k = 0; k < 137; ++k)
            original.runIteration();
        QCOMPARE(original.state().batchStart, 3L);
        const auto read = LessonFile::read(
            std::get<std::string>(LessonFile::write(saveOf(lesson, original))), "saved.json");
        QVERIFY(std::holds_alternative<SavedLesson>(read));
        SavedLesson reopened = std::get<SavedLesson>(read);

        OptimizerSettings settings = reopened.lesson.optimizer;
        settings.batchMode = static_cast<BatchMode>(mode);
        settings.batchSize = size;
        settings.kind = static_cast<OptimizerKind>(optimizer);
        reopened.lesson.optimizer = settings;
        Trainer continued;
        QCOMPARE(continued.load(reopened), std::string());
        original.setSettings(settings);
        QVERIFY(continued.state() == original.state());
        QCOMPARE(continued.state().iteration, 137LL);
        QVERIFY(continued.state().network == reopened.lesson.network); // the saved weights
        QCOMPARE(continued.state().batchStart,
                 size == 3 && mode == static_cast<int>(BatchMode::MiniBatch) ? 3L : 0L);
        for (int k = 0; k < 20; ++k) {
            const double expected = original.runIteration();
            const double actual = continued.runIteration();
            QCOMPARE(std::memcmp(&expected, &actual, sizeof(double)), 0);
        }
        QVERIFY(!continued.fault());
        QVERIFY(continued.state() == original.state());
    }

    // Trainer::load checks a state given in memory (the window's undo of a structural
    // change, for one) the same way, and changes nothing when it refuses.
    void trainerRefusesBadStates()
    {
        Trainer source;
        const Lesson lesson = adamXor();
        QVERIFY(source.load(lesson).empty());
        for (int k = 0; k < 5; ++k)
            source.runIteration();
        SavedLesson saved = saveOf(lesson, source);
        saved.state->order = {0, 1, 1, 3};
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        trainer.runIteration();
        const TrainingState before = trainer.state();
        QCOMPARE(trainer.load(saved), std::string("state.order[2]: sample 1 appears twice"));
        QVERIFY(trainer.state() == before);

        saved = saveOf(lesson, source);
        saved.state->batchStart = 2;
        QCOMPARE(
            trainer.load(saved),
            std::string("state.batchStart: batches of 3 samples start at multiples of 3, found 2"));
        saved = saveOf(lesson, source);
        saved.state->optimizer.secondBiases[1](0) = -1e-3;
        QCOMPARE(trainer.load(saved),
                 std::string("state.optimizer.second[1].biases[0]: a second moment is a mean of "
                             "squared gradients and cannot be negative, found -0.001"));
        saved = saveOf(lesson, source);
        saved.state->optimizer.firstWeights.pop_back();
        QCOMPARE(trainer.load(saved),
                 std::string("state.optimizer.first: expected 2 layers, found 1"));
        QVERIFY(trainer.state() == before);
    }

    void refusesBadStates()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, replacement);
        QFETCH(QString, message);
        QString text = savedText();
        const QRegularExpression expression(pattern);
        QVERIFY2(text.contains(expression), qPrintable(pattern));
        text.replace(expression, replacement);
        const auto read = LessonFile::read(text.toStdString(), "bad.json");
        QVERIFY2(std::holds_alternative<std::string>(read), qPrintable(text.right(600)));
        const QString error = QString::fromStdString(std::get<std::string>(read));
        QVERIFY2(error.startsWith("bad.json: "), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    // The files the hand-written JSON writer wrote for the built-in lessons (tests/data/
    // written/), plain and saved with the state of Adam on mini-batches of 2 before the first
    // iteration (trained numbers differ in their last bits with -march=native): the writer
    // through nlohmann::ordered_json must write the same bytes.
    void writtenFilesUnchanged_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("one-weight") << "one-weight";
        QTest::newRow("two-two-two") << "two-two-two";
        QTest::newRow("xor") << "xor";
    }
    void writtenFilesUnchanged()
    {
        QFETCH(QString, name);
        const auto expected = [&name](const char *suffix) {
            QFile file(QStringLiteral(BACKPROP_TEST_DATA_DIR "/written/") + name + suffix);
            return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
        };
        const auto read = LessonReader::readFile(
            (QStringLiteral(BACKPROP_LESSON_DIR "/") + name + ".json").toStdString());
        QVERIFY(std::holds_alternative<Lesson>(read));
        Lesson lesson = std::get<Lesson>(read);
        const auto plain = LessonWriter::write(lesson);
        QVERIFY(std::holds_alternative<std::string>(plain));
        QCOMPARE(std::get<std::string>(plain), expected(".json"));

        lesson.optimizer.kind = OptimizerKind::Adam;
        lesson.optimizer.batchMode = BatchMode::MiniBatch;
        lesson.optimizer.batchSize = 2;
        Trainer trainer;
        QCOMPARE(QString::fromStdString(trainer.load(lesson)), QString());
        SavedLesson saved {lesson, trainer.state()};
        saved.lesson.network = trainer.network();
        const auto written = LessonFile::write(saved);
        QVERIFY(std::holds_alternative<std::string>(written));
        QCOMPARE(std::get<std::string>(written), expected("-saved.json"));
    }
};

QTEST_GUILESS_MAIN(TestLessonFile)
#include "tst_lessonfile.moc"
