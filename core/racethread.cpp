#include "racethread.h"

#include "workerthread.h"

namespace backprop {

RaceThread::RaceThread()
{
    registerWorkerTypes();
    m_worker = new RaceWorker;
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("RaceWorker"));
    m_thread.start();
}

RaceThread::~RaceThread()
{
    // A chunk checks the flag after every iteration of the race, so the loop returns promptly.
    m_worker->requestPause();
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

} // namespace backprop
