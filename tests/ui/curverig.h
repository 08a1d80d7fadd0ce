#pragma once

// Shared by the curve suites: a worker in its own thread with a view wired to it the way
// the main window wires it (snapshots and answers queued to the main thread, requests
// posted to the worker), and image checks for exports.

#include "testlessons.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSvgRenderer>
#include <QTest>

namespace curvetest {

inline bool isDrawn(const QImage &image)
{
    // More than a handful of colours: axes, text and data, not a blank page.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() >= 8;
}

inline QImage renderSvg(const QString &path, QSize *viewBox = nullptr)
{
    QSvgRenderer renderer(path);
    if (!renderer.isValid())
        return {};
    if (viewBox)
        *viewBox = renderer.viewBox().size();
    // The view box is exact; the document's width and height are millimetres, rounded.
    QImage image(renderer.viewBox().size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

// Copies a view's export to BACKPROP_UI_SCREENSHOT_DIR when it is set, for people to look at.
template<typename View> inline void keepExport(const View &view, const QString &name)
{
    const QString folder = qEnvironmentVariable("BACKPROP_UI_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    view.exportTo(QDir(folder).filePath(name + QStringLiteral(".png")), QSize(800, 500));
    view.exportTo(QDir(folder).filePath(name + QStringLiteral(".svg")), QSize(800, 500));
}

// A worker thread and a probe on its signals; load() loads the lesson with `selected`
// chosen. Wire the view first, then load: the worker's first snapshot is emitted as soon as
// the lesson is loaded, and a view connected after that would never see it.
class WorkerRig
{
public:
    explicit WorkerRig(const backprop::Lesson &lesson, const std::string &selected = {})
        : probe(thread.worker()), m_lesson(lesson), m_selected(selected)
    { }

    void load()
    {
        const std::string name = m_selected.empty() ? m_lesson.selectedParameter : m_selected;
        const std::optional<backprop::ParameterId> id = m_lesson.network.findParameter(name);
        probe.post([lesson = m_lesson, id](backprop::TrainingWorker *w) {
            w->loadLesson(lesson);
            if (id)
                w->selectParameter(*id);
        });
    }
    backprop::TrainingWorker *worker() const { return thread.worker(); }

    // Forwards a view's requests to the worker, as MainWindow does.
    template<typename View, typename Request>
    void forward(View *view, void (View::*requested)(const Request &),
                 void (backprop::TrainingWorker::*handle)(const Request &))
    {
        backprop::TrainingWorker *w = worker();
        QObject::connect(view, requested, view, [w, handle](const Request &request) {
            QMetaObject::invokeMethod(w, [w, handle, request] { (w->*handle)(request); });
        });
    }

    backprop::WorkerThread thread;
    testlessons::WorkerProbe probe;

private:
    backprop::Lesson m_lesson;
    std::string m_selected;
};

} // namespace curvetest
