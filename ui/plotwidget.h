#pragma once

#include <QWidget>

class QMenu;

// What the three curve views share: painting through one render() onto the screen, a PNG
// (QImage) or an SVG (QSvgGenerator), the export entries of the context menu, and the
// presentation mode's scale.
class PlotWidget : public QWidget
{
    Q_OBJECT

public:
    // The size of an export when the widget has not been laid out yet.
    static constexpr QSize defaultExportSize {800, 500};

    explicit PlotWidget(QWidget *parent = nullptr);

    double scale() const { return m_scale; }
    void setScale(double scale);

    // Writes the plot to `path`: SVG when it ends in .svg, otherwise PNG. `size` defaults to
    // the plot's size on screen. False when the file cannot be written.
    bool exportTo(const QString &path, QSize size = {}) const;
    QImage toImage(QSize size = {}) const;

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {260, 180}; }

signals:
    void exportFailed(const QString &message);

protected:
    // Draws the whole plot into `bounds`; must not depend on anything but the view's state.
    virtual void render(QPainter &painter, const QRectF &bounds) const = 0;
    // Where render() draws on screen (views with controls on top leave room for them).
    virtual QRect plotRect() const { return rect(); }
    // Entries a view adds above the export entries.
    virtual void addContextActions(QMenu &menu) { Q_UNUSED(menu) }

    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QSize exportSize(QSize requested) const;
    void exportWithDialog(const QString &filter, const QString &suffix);

    double m_scale = 1.0;
};
