#pragma once

#include <QObject>
#include <QString>

#include <optional>
#include <utility>

class MainWindow;

// `--screenshot FILE.png`: once the window shows the state after the requested iterations
// and then the requested single phases (`--phases`), and the curves have had a moment to
// arrive, grabs it, saves the PNG and quits with 0, or with 2 and a message when the file
// cannot be written.
class ScreenshotRun : public QObject
{
    Q_OBJECT

public:
    ScreenshotRun(MainWindow &window, QString path, long long iterations, int phases);

private:
    void checkReady();
    void save();

    MainWindow &m_window;
    QString m_path;
    long long m_iterations = 0;
    int m_phases = 0;
    // Where the phases end: (iteration, phase index); unset until they are asked for.
    std::optional<std::pair<long long, int>> m_target;
    bool m_saving = false;
};
