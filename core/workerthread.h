#pragma once

#include "trainingworker.h"

#include <QThread>

namespace backprop {

// Owns a TrainingWorker running in its own QThread: starts the thread on construction;
// on destruction asks a run to pause, quits the thread's event loop, waits for it, and
// deletes the worker in its own thread. Not a QObject itself.
class WorkerThread
{
public:
    WorkerThread();
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    TrainingWorker *worker() const { return m_worker; }

private:
    QThread m_thread;
    TrainingWorker *m_worker = nullptr;
};

// Registers the value types of the worker's signals and slots for queued connections.
void registerWorkerTypes();

} // namespace backprop
