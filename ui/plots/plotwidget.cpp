#include "plotwidget.h"

#include "numberformat.h"
#include "theme.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>

PlotWidget::PlotWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setContextMenuPolicy(Qt::DefaultContextMenu);
}

void PlotWidget::setHidesUpcoming(bool hides)
{
    m_hidesUpcoming = hides;
    update();
}

QString PlotWidget::upcoming(double value) const
{
    return m_hidesUpcoming ? QStringLiteral("?") : NumberFormat::shown(value);
}

void PlotWidget::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    // The controls (children) inherit it; render() sets its own fonts.
    setFont(Theme::controlsFont(m_scale));
    update();
}

void PlotWidget::resizeEvent(QResizeEvent *event)
{
    placeControls();
    QWidget::resizeEvent(event);
}

void PlotWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        placeControls();
    QWidget::changeEvent(event);
}

QSize PlotWidget::exportSize(QSize requested) const
{
    if (requested.isValid() && !requested.isEmpty())
        return requested;
    const QSize onScreen = plotRect().size();
    const bool laidOut = isVisible() || testAttribute(Qt::WA_Resized);
    return laidOut && onScreen.width() > 100 && onScreen.height() > 100 ? onScreen
                                                                        : defaultExportSize;
}

QImage PlotWidget::toImage(QSize size) const
{
    size = exportSize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Theme::background());
    QPainter painter(&image);
    renderExport(painter, size);
    return image;
}

void PlotWidget::renderExport(QPainter &painter, QSize size) const
{
    const bool laidOut = isVisible() || testAttribute(Qt::WA_Resized);
    const int onScreen =
        laidOut && plotRect().width() > 100 ? plotRect().width() : defaultExportSize.width();
    m_exportFactor = std::max(1.0, static_cast<double>(size.width()) / onScreen);
    render(painter, QRectF(QPointF(0, 0), size));
    m_exportFactor = 1.0;
}

bool PlotWidget::exportTo(const QString &path, QSize size) const
{
    size = exportSize(size);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0)
        return toImage(size).save(path, "PNG");
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setTitle(windowTitle());
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    // QSvgRenderer reads lengths at 90 dpi; writing at the same resolution keeps the
    // document's size equal to the plot's pixel size.
    generator.setResolution(90);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    painter.fillRect(QRect(QPoint(0, 0), size), Theme::background());
    renderExport(painter, size);
    return painter.end();
}

void PlotWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Theme::background());
    render(painter, plotRect());
}

void PlotWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    addContextActions(menu);
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Export as PNG…"), this,
                   [this] { exportWithDialog(tr("PNG images (*.png)"), QStringLiteral("png")); });
    menu.addAction(tr("Export as SVG…"), this,
                   [this] { exportWithDialog(tr("SVG drawings (*.svg)"), QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}

void PlotWidget::exportWithDialog(const QString &filter, const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), QString(), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    if (!exportTo(path))
        emit exportFailed(tr("Cannot write %1.").arg(path));
}
