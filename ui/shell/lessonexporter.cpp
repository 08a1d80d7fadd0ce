#include "lessonexporter.h"

#include "chainrulepanel.h"
#include "decisionboundaryview.h"
#include "lessonsession.h"
#include "networkview.h"
#include "plotwidget.h"
#include "pytorchscript.h"
#include "savedtext.h"
#include "trainingtoolbar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <memory>
#include <utility>

using namespace backprop;

LessonExporter::LessonExporter(LessonSession &session, Sources sources, QWidget *window)
    : QObject(window), m_session(session), m_sources(std::move(sources)), m_window(window),
      m_menu(new QMenu(tr("&Export"), window))
{
    m_menu->addAction(tr("Network as &PNG…"), this,
                      [this] { exportNetworkWithDialog(QStringLiteral("png")); });
    m_menu->addAction(tr("Network as &SVG…"), this,
                      [this] { exportNetworkWithDialog(QStringLiteral("svg")); });
    m_menu->addSeparator();
    const auto &plots = m_sources.plots;
    for (const auto &[plot, name] : plots) {
        PlotWidget *view = plot;
        m_menu->addAction(tr("%1 as PNG…").arg(name), this,
                          [this, view] { exportPlotWithDialog(view, QStringLiteral("png")); });
        m_menu->addAction(tr("%1 as SVG…").arg(name), this,
                          [this, view] { exportPlotWithDialog(view, QStringLiteral("svg")); });
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Step log as &CSV…"), this, &LessonExporter::exportStepLogWithDialog);
    m_menu->addAction(tr("Chain rule as &text…"), this, &LessonExporter::exportChainRuleWithDialog);
    m_menu->addAction(tr("P&yTorch script…"), this, &LessonExporter::exportPyTorchScriptWithDialog);
    connectSession();
}

void LessonExporter::connectSession()
{
    connect(&m_session, &LessonSession::phaseRecorded, this,
            [this](const PhaseRecord &record) { m_stepLog.addRecord(record); });
    connect(&m_session, &LessonSession::snapshotChanged, this, [this](const Snapshot &snapshot) {
        if (!m_stepLog.hasNetworkOf(snapshot.state.network))
            m_stepLog.setNetwork(snapshot.state.network); // a new lesson: a new log
        m_stepLog.truncate(snapshot.state.iteration);
    });
}

QImage LessonExporter::networkImage(QSize size) const
{
    const NetworkView *shown = m_sources.network;
    if (size.isEmpty())
        size = shown->size();
    // A second view of the same snapshot, laid out at the export size, so the window's own
    // view is not resized under the user.
    NetworkView view;
    view.setScale(shown->scale());
    view.setPrecision(shown->precision());
    if (m_session.snapshot())
        view.setSnapshot(*m_session.snapshot());
    if (const auto selected = shown->selectedParameter())
        view.selectParameter(*selected);
    view.resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.render(&painter);
    return image;
}

QString LessonExporter::exportNetwork(const QString &path, QSize size) const
{
    if (!m_session.snapshot())
        return tr("There is no network to export yet.");
    if (size.isEmpty())
        size = m_sources.network->size();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !networkImage(size).save(&file, "PNG")
            || !file.commit())
            return tr("%1: cannot write the image").arg(path);
        return {};
    }
    NetworkView view;
    view.setScale(m_sources.network->scale());
    view.setPrecision(m_sources.network->precision());
    view.setSnapshot(*m_session.snapshot());
    if (const auto selected = m_sources.network->selectedParameter())
        view.selectParameter(*selected);
    view.resize(size);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1: cannot write the file (%2)").arg(path, file.errorString());
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setTitle(tr("Backprop Lab network"));
    // QSvgGenerator writes millimetres at its resolution; an explicit view box and 96 dpi
    // make one pixel of the view one SVG unit whatever the reader assumes.
    generator.setResolution(96);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    {
        QPainter painter(&generator);
        painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        view.render(&painter);
    }
    if (!file.commit())
        return tr("%1: cannot write the file (%2)").arg(path, file.errorString());
    return {};
}

long long LessonExporter::maxReplayedIterations() const
{
    // 100,000 iterations, fewer for a big network: the rows stay within about 160 MB.
    const long long values = 20'000'000;
    const long long perRow = 2 * std::max<long long>(1, m_stepLog.parameterCount());
    return std::min<long long>(100'000, values / perRow);
}

void LessonExporter::exportStepLog(const QString &path)
{
    m_session.requestStepLog(maxReplayedIterations(), [this, path](const StepLogRows &replayed) {
        writeStepLog(path, replayed);
    });
}

void LessonExporter::writeStepLog(const QString &path, const StepLogRows &replayed)
{
    StepLog log = m_stepLog;
    log.setReplayedIterations(replayed);
    const QString note = replayed.capped
        ? tr(" (weights and gradients replayed for the last %L1 iterations only)")
              .arg(replayed.rows.size())
        : QString();
    report(path, log.writeCsv(path), note);
}

QString LessonExporter::chainRuleText() const
{
    return m_sources.chainRule->text();
}

QString LessonExporter::exportChainRule(const QString &path) const
{
    const QString text = chainRuleText();
    if (text.trimmed().isEmpty())
        return tr("Select a weight or bias first: its chain rule is what gets exported.");
    return SavedText::write(
        path, text.endsWith(QLatin1Char('\n')) ? text.toUtf8() : (text + u'\n').toUtf8());
}

void LessonExporter::exportPyTorchScript(const QString &path)
{
    m_session.requestLessonState([this, path](const SavedLesson &saved) {
        const PyTorchScript script = pytorchScript(saved);
        if (!script.error.empty()) {
            report(path,
                   tr("Cannot export the lesson: %1").arg(QString::fromStdString(script.error)));
            return;
        }
        report(path, SavedText::write(path, QByteArray::fromStdString(script.text)),
               tr(" (run it with: python3 %1 --steps 10)").arg(QFileInfo(path).fileName()));
    });
}

QString LessonExporter::askPath(const QString &title, const QString &suffix,
                                const QString &filter) const
{
    QString path = QFileDialog::getSaveFileName(m_window, title, QString(), filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    return path;
}

QSize LessonExporter::askSize(QSize onScreen) const
{
    bool ok = false;
    const int width = QInputDialog::getInt(m_window, tr("Export size"),
                                           tr("Width in pixels (the height keeps the shape on "
                                              "screen):"),
                                           std::max(onScreen.width(), 1600), 200, 8000, 100, &ok);
    if (!ok)
        return {};
    const double aspect = onScreen.width() > 0 ? double(onScreen.height()) / onScreen.width() : 0.6;
    return QSize(width, std::max(100, int(width * aspect)));
}

void LessonExporter::report(const QString &path, const QString &error, const QString &note)
{
    if (!error.isEmpty()) {
        m_session.showMessage(error);
        emit exportFailed(error);
        return;
    }
    m_session.showMessage(tr("Exported %1").arg(QFileInfo(path).fileName()) + note);
    emit exported(path);
}

void LessonExporter::exportNetworkWithDialog(const QString &suffix)
{
    const QSize size = askSize(m_sources.network->size());
    if (size.isEmpty())
        return;
    const QString path = askPath(tr("Export network"), suffix,
                                 suffix == QLatin1String("svg") ? tr("SVG images (*.svg)")
                                                                : tr("PNG images (*.png)"));
    if (!path.isEmpty())
        report(path, exportNetwork(path, size));
}

void LessonExporter::exportPlotWithDialog(PlotWidget *plot, const QString &suffix)
{
    const QSize size = askSize(plot->size());
    if (size.isEmpty())
        return;
    const QString path = askPath(tr("Export plot"), suffix,
                                 suffix == QLatin1String("svg") ? tr("SVG images (*.svg)")
                                                                : tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPlot(plot, path, size);
}

void LessonExporter::exportPlot(PlotWidget *plot, const QString &path, QSize size)
{
    const auto write = [this, plot, path, size] {
        report(path,
               plot->exportTo(path, size) ? QString() : tr("%1: cannot write the plot").arg(path));
    };
    if (plot->isPictureReady())
        return write();
    // A plot never shown has nothing to draw yet ("Computing the surface…"): it computes
    // first, and the file is written when its picture arrives.
    m_session.showMessage(tr("Computing the plot for %1…").arg(QFileInfo(path).fileName()));
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(plot, &PlotWidget::pictureReady, this, [connection, write] {
        QObject::disconnect(*connection);
        write();
    });
    plot->preparePicture();
}

void LessonExporter::setInputPlane(DecisionBoundaryView *view)
{
    m_inputPlane = view;
    QAction *before = nullptr;
    for (QAction *action : m_menu->actions()) {
        if (action->isSeparator() && action != m_menu->actions().constFirst())
            before = action; // the last separator: above the step log and the chain rule
    }
    auto *entry = new QAction(tr("Input plane as PNG…"), m_menu);
    connect(entry, &QAction::triggered, this, &LessonExporter::exportInputPlaneWithDialog);
    m_menu->insertAction(before, entry);
}

void LessonExporter::exportInputPlane(const QString &path, QSize size)
{
    DecisionBoundaryView *plane = m_inputPlane;
    if (!plane || !plane->hasTwoInputs()) {
        report(path, tr("The input plane needs a lesson with two inputs."));
        return;
    }
    const auto write = [this, plane, path, size] {
        report(path,
               plane->picture(size).save(path, "PNG")
                   ? QString()
                   : tr("%1: cannot write the picture").arg(path));
    };
    if (plane->isPictureReady())
        return write();
    m_session.showMessage(tr("Computing the input plane for %1…").arg(QFileInfo(path).fileName()));
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        connect(plane, &DecisionBoundaryView::pictureChanged, this, [connection, plane, write] {
            if (!plane->isPictureReady())
                return;
            QObject::disconnect(*connection);
            write();
        });
    plane->preparePicture();
}

void LessonExporter::exportInputPlaneWithDialog()
{
    const QString path =
        askPath(tr("Export input plane"), QStringLiteral("png"), tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportInputPlane(path);
}

void LessonExporter::exportStepLogWithDialog()
{
    const QString path =
        askPath(tr("Export step log"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportStepLog(path); // reports once the worker's replay arrives
}

void LessonExporter::exportPyTorchScriptWithDialog()
{
    const QString path =
        askPath(tr("Export PyTorch script"), QStringLiteral("py"), tr("Python scripts (*.py)"));
    if (!path.isEmpty())
        exportPyTorchScript(path); // reports once the worker's state arrives
}

void LessonExporter::exportChainRuleWithDialog()
{
    // Also on the clipboard, ready to paste into a slide.
    QApplication::clipboard()->setText(chainRuleText());
    const QString path =
        askPath(tr("Export chain rule"), QStringLiteral("txt"), tr("Text files (*.txt)"));
    if (!path.isEmpty())
        report(path, exportChainRule(path));
}
