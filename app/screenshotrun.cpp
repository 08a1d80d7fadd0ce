#include "screenshotrun.h"

#include "mainwindow.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <iostream>

ScreenshotRun::ScreenshotRun(MainWindow &window, QString path, long long iterations)
    : m_window(window), m_path(std::move(path)), m_iterations(iterations)
{
    connect(&window, &MainWindow::snapshotShown, this, &ScreenshotRun::checkReady);
}

void ScreenshotRun::checkReady()
{
    const auto &snapshot = m_window.snapshot();
    if (m_saving || !snapshot || snapshot->state.iteration < m_iterations
        || m_window.runState() != backprop::RunState::Paused)
        return;
    m_saving = true;
    // Curves are computed on request after the snapshot; give them time to be painted.
    QTimer::singleShot(400, this, &ScreenshotRun::save);
}

void ScreenshotRun::save()
{
    const QPixmap picture = m_window.grab();
    if (!picture.save(m_path, "PNG")) {
        std::cerr << "backprop-lab: --screenshot: cannot write " << m_path.toStdString() << '\n';
        QCoreApplication::exit(1);
        return;
    }
    QCoreApplication::exit(0);
}
