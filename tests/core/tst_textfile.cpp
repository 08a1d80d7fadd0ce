// The one function that reads files for the lesson reader, saved lessons and the CSV
// importer: only regular files, refused by type before anything opens them (a named pipe
// used to block `--lesson` forever, /dev/zero to read until memory ran out), within a size
// limit, and a directory is called a directory.

#include "csvimporter.h"
#include "lessonfile.h"
#include "lessonlibrary.h"
#include "lessonreader.h"
#include "sizelimits.h"
#include "textfile.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>

using namespace backprop;

namespace {
std::string errorOf(const std::variant<std::string, TextFile::Error> &result)
{
    const auto *error = std::get_if<TextFile::Error>(&result);
    return error ? error->message : std::string("(read)");
}

template<typename T> std::string errorOf(const std::variant<T, std::string> &result)
{
    const auto *error = std::get_if<std::string>(&result);
    return error ? *error : std::string("(read)");
}
} // namespace

class TestTextFile : public QObject
{
    Q_OBJECT

private slots:
    void readsARegularFileAndALinkToOne()
    {
        QTemporaryDir folder;
        const std::string path = folder.filePath("a.txt").toStdString();
        std::ofstream(path) << "x,t\n1,2\n";
        const auto text = TextFile::read(path, 100, "a test file");
        QVERIFY(std::holds_alternative<std::string>(text));
        QCOMPARE(std::get<std::string>(text), std::string("x,t\n1,2\n"));
        const std::string link = folder.filePath("link.txt").toStdString();
        std::filesystem::create_symlink(path, link);
        QCOMPARE(std::get<std::string>(TextFile::read(link, 100, "a test file")),
                 std::string("x,t\n1,2\n"));
    }

    void refusesWhatIsNotARegularFile()
    {
        QTemporaryDir folder;
        const std::string directory = folder.path().toStdString();
        QCOMPARE(errorOf(TextFile::read(directory, 100, "a test file")),
                 directory + ": is a directory, not a file");
        // Every reader says so, instead of "line 1, column 1: expected a value".
        QCOMPARE(errorOf(LessonReader::readFile(directory)),
                 directory + ": is a directory, not a file");
        QCOMPARE(errorOf(LessonFile::readFile(directory)),
                 directory + ": is a directory, not a file");
        QCOMPARE(errorOf(LessonLibrary::loadSaved(directory)),
                 directory + ": is a directory, not a file");
        QCOMPARE(errorOf(CsvImporter::importFile(directory, {})),
                 directory + ": is a directory, not a file");

        // Opening a pipe for reading blocks until a writer comes: a hang here (the suite's
        // timeout) is the failure.
        const std::string fifo = folder.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QCOMPARE(errorOf(LessonFile::readFile(fifo)),
                 fifo + ": is a named pipe (FIFO), not a regular file");
        QCOMPARE(errorOf(CsvImporter::importFile(fifo, {})),
                 fifo + ": is a named pipe (FIFO), not a regular file");

        // /dev/zero never ends.
        QCOMPARE(errorOf(LessonLibrary::loadSaved("/dev/zero")),
                 std::string("/dev/zero: is a device, not a regular file"));

        const std::string socketPath = folder.filePath("socket").toStdString();
        const int socket = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(socket >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(socketPath.size() < sizeof address.sun_path);
        socketPath.copy(address.sun_path, socketPath.size());
        QCOMPARE(::bind(socket, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(errorOf(LessonReader::readFile(socketPath)),
                 socketPath + ": is a socket, not a regular file");
        ::close(socket);
    }

    void missingFile()
    {
        QCOMPARE(errorOf(TextFile::read("/nonexistent/x.json", 100, "a test file")),
                 std::string("/nonexistent/x.json: cannot open the file (No such file or "
                             "directory)"));
    }

    // The limit holds whatever the file's size says: a sparse file past it is refused
    // without reading it, a file at the limit is read.
    void refusesFilesPastTheLimit()
    {
        QTemporaryDir folder;
        const std::string path = folder.filePath("big.json").toStdString();
        std::ofstream(path) << "{}";
        std::filesystem::resize_file(path, maxLessonFileBytes + 1);
        QCOMPARE(errorOf(LessonFile::readFile(path)),
                 path + ": the file is larger than 512 MiB, the most a lesson file may have");
        std::filesystem::resize_file(path, 1000);
        QCOMPARE(errorOf(TextFile::read(path, 999, "a test file")),
                 path + ": the file is larger than 999 bytes, the most a test file may have");
        QVERIFY(std::holds_alternative<std::string>(TextFile::read(path, 1000, "a test file")));
        std::filesystem::resize_file(path, maxCsvFileBytes + 1);
        QCOMPARE(errorOf(CsvImporter::importFile(path, {})),
                 path + ": the file is larger than 256 MiB, the most a CSV file may have");
    }

    // Files whose size says 0 but that have content (as in /proc) are read, to the limit.
    void readsFilesWithoutASize()
    {
        const auto text = TextFile::read("/proc/self/status", 1 << 20, "a test file");
        QVERIFY(std::holds_alternative<std::string>(text));
        QVERIFY(std::get<std::string>(text).starts_with("Name:"));
        QCOMPARE(errorOf(TextFile::read("/proc/self/status", 10, "a test file")),
                 std::string("/proc/self/status: the file is larger than 10 bytes, the most a "
                             "test file may have"));
    }
};

QTEST_GUILESS_MAIN(TestTextFile)
#include "tst_textfile.moc"
