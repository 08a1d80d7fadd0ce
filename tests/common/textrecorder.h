#pragma once

// Every text a widget draws, read from its paint calls rather than from pixels: a paint
// device whose engine records each text item with its font's pixel size and its box in the
// widget's coordinates (ascent to descent, the advance wide). QWidget::render() paints the
// widget and its visible children through it, exactly as they paint on screen.

#include <QFontInfo>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QRectF>
#include <QString>
#include <QTextItem>
#include <QWidget>

namespace texttest {

struct DrawnText
{
    QString text;
    QRectF rect;      // in the rendered widget's coordinates
    double pixelSize; // the font's em size in pixels
};

class RecordingEngine : public QPaintEngine
{
public:
    RecordingEngine() : QPaintEngine(QPaintEngine::AllFeatures) { }

    QList<DrawnText> texts;

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &state) override
    {
        if (state.state() & QPaintEngine::DirtyTransform)
            m_transform = state.transform();
    }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    { }
    void drawPath(const QPainterPath &) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { }
    void drawLines(const QLineF *, int) override { }
    void drawRects(const QRectF *, int) override { }
    void drawEllipse(const QRectF &) override { }
    void drawPoints(const QPointF *, int) override { }
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override { }
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QString text = item.text();
        if (text.trimmed().isEmpty())
            return;
        const QFont font = item.font();
        const double pixels =
            font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96.0 / 72.0;
        const QRectF box(p.x(), p.y() - item.ascent(), item.width(),
                         item.ascent() + item.descent());
        texts.append({text, m_transform.mapRect(box), pixels});
    }
    Type type() const override { return QPaintEngine::User; }

private:
    QTransform m_transform;
};

// A paint device of `size` at 96 dpi whose painting goes to an engine of type Engine (which
// records what a test wants to read: texts here, polylines in tst_racewindow).
template<class Engine> class EngineDevice : public QPaintDevice
{
public:
    explicit EngineDevice(QSize size) : m_size(size) { }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    Engine &engine() const { return m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return 0x7fffffff;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(QPaintDevice::devicePixelRatioFScale());
        default:
            return 0;
        }
    }

private:
    QSize m_size;
    mutable Engine m_engine;
};

// The texts `widget` (with its visible children) draws, in its own coordinates.
inline QList<DrawnText> textsOf(QWidget &widget)
{
    EngineDevice<RecordingEngine> device(widget.size());
    widget.render(&device, QPoint(), QRegion(), QWidget::DrawChildren);
    return device.engine().texts;
}

} // namespace texttest
