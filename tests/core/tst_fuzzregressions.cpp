// Every input the fuzzers once failed on (tests/fuzz/regressions/TARGET-NAME) and every seed
// of their corpora (tests/fuzz/TARGET/corpus/), checked exactly as the fuzz targets check
// them (tests/fuzz/fuzzchecks.h), so a fixed crash stays fixed in every normal test run.
// A failed check aborts: the suite then fails with the row's file name.

#include "../fuzz/fuzzchecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace {

// From the build (not __FILE__, which ccache's base_dir makes relative to the build folder).
QDir fuzzDirectory()
{
    return QDir(QStringLiteral(BACKPROP_FUZZ_DIR));
}

const QStringList targets = {QStringLiteral("json"), QStringLiteral("lessonreader"),
                             QStringLiteral("lessonfile"), QStringLiteral("csvimporter")};

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void inputs_data();
    void inputs();
};

void TestFuzzRegressions::inputs_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    const QDir fuzz = fuzzDirectory();
    QVERIFY2(fuzz.exists(QStringLiteral("regressions")), qPrintable(fuzz.absolutePath()));
    int regressions = 0;
    for (const QFileInfo &file :
         QDir(fuzz.filePath(QStringLiteral("regressions"))).entryInfoList(QDir::Files)) {
        const QString target = file.fileName().section(QLatin1Char('-'), 0, 0);
        QVERIFY2(targets.contains(target), qPrintable(file.fileName()));
        QTest::newRow(qPrintable(file.fileName())) << target << file.filePath();
        ++regressions;
    }
    QVERIFY(regressions > 0);
    for (const QString &target : targets) {
        const QDir corpus(fuzz.filePath(target + QStringLiteral("/corpus")));
        const QFileInfoList seeds = corpus.entryInfoList(QDir::Files);
        QVERIFY2(!seeds.isEmpty(), qPrintable(corpus.path()));
        for (const QFileInfo &file : seeds)
            QTest::addRow("%s seed %s", qPrintable(target), qPrintable(file.fileName()))
                << target << file.filePath();
    }
}

void TestFuzzRegressions::inputs()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const std::string_view input(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (target == QLatin1String("json"))
        fuzzchecks::checkJson(input);
    else if (target == QLatin1String("lessonreader"))
        fuzzchecks::checkLesson(input);
    else if (target == QLatin1String("lessonfile"))
        fuzzchecks::checkSavedLesson(input);
    else
        fuzzchecks::checkCsv(input);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
