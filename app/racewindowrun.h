#pragma once

#include "racestart.h"

#include <QObject>
#include <QString>

#include <memory>

class RaceWindow;

// `--race LIST --race-window`: the race in its window, stepped --race-steps iterations once
// it has started, then left to the teacher; with --screenshot the window is rendered
// offscreen, saved as a PNG once it shows those iterations, and the program exits (2 when
// the file cannot be written, as for the main window's screenshot).
class RaceWindowRun : public QObject
{
    Q_OBJECT

public:
    RaceWindowRun(const RaceStart &start, long long steps, QSize size, QString screenshot);
    ~RaceWindowRun() override;

private:
    void frameShown();
    void save();

    std::unique_ptr<RaceWindow> m_window;
    long long m_steps = 0;
    QString m_screenshot;
    bool m_advanced = false;
    bool m_saving = false;
};
