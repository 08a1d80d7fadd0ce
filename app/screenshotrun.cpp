#include "screenshotrun.h"

#include "lessonsession.h"
#include "mainwindow.h"
#include "textcheck.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <iostream>

ScreenshotRun::ScreenshotRun(MainWindow &window, QString path, long long iterations, int phases)
    : m_window(window), m_path(std::move(path)), m_iterations(iterations), m_phases(phases)
{
    connect(&window.session(), &LessonSession::snapshotChanged, this, &ScreenshotRun::checkReady);
}

void ScreenshotRun::checkReady()
{
    const auto &snapshot = m_window.session().snapshot();
    if (m_saving || !snapshot || snapshot->state.iteration < m_iterations
        || m_window.session().isRunning())
        return;
    // The phases are asked for only once the run is over: a step posted while the run's
    // chunks are still queued would land in the middle of it.
    if (!m_target) {
        const long long perIteration = static_cast<long long>(snapshot->phases.size());
        const long long end = snapshot->phaseIndex + m_phases;
        m_target = {snapshot->state.iteration + end / perIteration,
                    static_cast<int>(end % perIteration)};
        m_window.session().stepPhases(m_phases);
    }
    if (snapshot->state.iteration != m_target->first || snapshot->phaseIndex != m_target->second)
        return;
    m_saving = true;
    // Curves are computed on request after the snapshot; give them time to be painted.
    QTimer::singleShot(400, this, &ScreenshotRun::save);
}

void ScreenshotRun::save()
{
    const QPixmap picture = m_window.grab();
    if (!picture.save(m_path, "PNG")) {
        // Like every other file that cannot be used: exit code 2 (1 is a numeric fault).
        std::cerr << "backprop-lab: --screenshot: cannot write "
                  << backprop::TextCheck::printable(m_path.toStdString()) << '\n';
        QCoreApplication::exit(2);
        return;
    }
    QCoreApplication::exit(0);
}
