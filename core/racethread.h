#pragma once

#include "raceworker.h"

#include <QThread>

namespace backprop {

// Owns a RaceWorker running in its own QThread, as WorkerThread owns the TrainingWorker:
// starts the thread on construction; on destruction asks a run to pause, quits the thread's
// event loop, waits for it and deletes the worker in its own thread.
class RaceThread
{
public:
    RaceThread();
    ~RaceThread();
    RaceThread(const RaceThread &) = delete;
    RaceThread &operator=(const RaceThread &) = delete;

    RaceWorker *worker() const { return m_worker; }

private:
    QThread m_thread;
    RaceWorker *m_worker = nullptr;
};

} // namespace backprop
