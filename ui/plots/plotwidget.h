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

    // The type and line scale: the screen's, and during an export larger than the plot on
    // screen that times the export's width over the screen's (text keeps its share of the
    // picture instead of shrinking to a corner of it, and tick labels do not crowd).
    double scale() const { return m_scale * m_exportFactor; }
    void setScale(double scale);

    // Whether the picture shows the current moment. A view that computes only while it is
    // shown (the error surface) is not ready before its tab was opened: preparePicture()
    // asks for it anyway and pictureReady() says when it has arrived.
    virtual bool isPictureReady() const { return true; }
    virtual void preparePicture() { }

    // Writes the plot to `path`: SVG when it ends in .svg, otherwise PNG. `size` defaults to
    // the plot's size on screen. False when the file cannot be written.
    bool exportTo(const QString &path, QSize size = {}) const;
    QImage toImage(QSize size = {}) const;

    // The quiz (Training ▸ Quiz): the legend's numbers that a phase still to run will compute
    // (E_total at the current weights, the slope, the next step) read "?".
    void setHidesUpcoming(bool hides);
    bool hidesUpcoming() const { return m_hidesUpcoming; }
    // `value` as the legend shows it, or "?" while the quiz hides it.
    QString upcoming(double value) const;

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {260, 180}; }

signals:
    void exportFailed(const QString &message);
    void pictureReady();

protected:
    // Draws the whole plot into `bounds`; must not depend on anything but the view's state.
    virtual void render(QPainter &painter, const QRectF &bounds) const = 0;
    // Where render() draws on screen (views with controls on top leave room for them).
    virtual QRect plotRect() const { return rect(); }
    // Puts the view's controls in place: at each resize and when their type changes.
    virtual void placeControls() { }
    // Entries a view adds above the export entries.
    virtual void addContextActions(QMenu &menu) { Q_UNUSED(menu) }

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QSize exportSize(QSize requested) const;
    void renderExport(QPainter &painter, QSize size) const;
    void exportWithDialog(const QString &filter, const QString &suffix);

    double m_scale = 1.0;
    bool m_hidesUpcoming = false;
    mutable double m_exportFactor = 1.0; // only while renderExport draws
};
