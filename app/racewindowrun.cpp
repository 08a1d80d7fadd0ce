#include "racewindowrun.h"

#include "racewindow.h"
#include "textcheck.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <iostream>

RaceWindowRun::RaceWindowRun(const RaceStart &start, long long steps, QSize size,
                             QString screenshot)
    : m_window(std::make_unique<RaceWindow>(start.saved, start.request)), m_steps(steps),
      m_screenshot(std::move(screenshot))
{
    m_window->setAttribute(Qt::WA_DeleteOnClose, false); // owned here
    if (size.isValid())
        m_window->resize(size);
    if (!m_screenshot.isEmpty())
        m_window->setAttribute(Qt::WA_DontShowOnScreen);
    connect(m_window.get(), &RaceWindow::frameShown, this, &RaceWindowRun::frameShown);
    // A race the engine refuses (the same weight twice…) never shows a frame: say why.
    connect(m_window->worker(), &backprop::RaceWorker::errorOccurred, this,
            [](const QString &message) {
                std::cerr << "backprop-lab: --race: " << message.toStdString() << '\n';
                QCoreApplication::exit(2);
            });
    m_window->show();
}

RaceWindowRun::~RaceWindowRun() = default;

void RaceWindowRun::frameShown()
{
    const backprop::RaceFrame *frame = m_window->frame();
    if (!m_advanced) {
        m_advanced = true;
        backprop::RaceWorker *worker = m_window->worker();
        const long long steps = m_steps;
        QMetaObject::invokeMethod(worker, [worker, steps] { worker->advance(steps); });
        return;
    }
    if (m_screenshot.isEmpty() || m_saving || !frame || frame->steps < m_steps)
        return;
    m_saving = true;
    QTimer::singleShot(200, this, &RaceWindowRun::save); // a moment for the layout to settle
}

void RaceWindowRun::save()
{
    const QPixmap picture = m_window->grab();
    if (!picture.save(m_screenshot, "PNG")) {
        std::cerr << "backprop-lab: --screenshot: cannot write "
                  << backprop::TextCheck::printable(m_screenshot.toStdString()) << '\n';
        QCoreApplication::exit(2);
        return;
    }
    QCoreApplication::exit(0);
}
