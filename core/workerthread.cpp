#include "workerthread.h"

namespace backprop {

WorkerThread::WorkerThread()
{
    registerWorkerTypes();
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    // Deleted in its own thread, after its event loop ended (the QThread worker pattern).
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("TrainingWorker"));
    m_thread.start();
}

WorkerThread::~WorkerThread()
{
    // A chunk of a run checks the flag between iterations, so the loop returns promptly.
    m_worker->requestPause();
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

void registerWorkerTypes()
{
    qRegisterMetaType<Lesson>();
    qRegisterMetaType<SavedLesson>();
    qRegisterMetaType<Granularity>();
    qRegisterMetaType<RunLimit>();
    qRegisterMetaType<RunState>();
    qRegisterMetaType<ParameterId>();
    qRegisterMetaType<OptimizerSettings>();
    qRegisterMetaType<CurveRequest>();
    qRegisterMetaType<CurveResult>();
    qRegisterMetaType<SurfaceRequest>();
    qRegisterMetaType<SurfaceResult>();
    qRegisterMetaType<Dataset>();
    qRegisterMetaType<OutputGridRequest>();
    qRegisterMetaType<OutputGridResult>();
    qRegisterMetaType<PhaseRecord>();
    qRegisterMetaType<Snapshot>();
    qRegisterMetaType<Timeline>();
    qRegisterMetaType<StepLogRows>();
    qRegisterMetaType<RaceRequest>();
    qRegisterMetaType<RaceFrame>();
}

} // namespace backprop
